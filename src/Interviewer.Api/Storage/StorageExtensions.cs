using Microsoft.Extensions.Options;

namespace Interviewer.Api.Storage;

/// <summary>Registers the interview store: SQLite by default, PostgreSQL with <c>Interviewer:Storage:Provider=Postgres</c>.</summary>
public static class StorageExtensions
{
    /// <summary>Registers the options (validated at start), the database, its writer and the store.</summary>
    public static IServiceCollection AddInterviewStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<InterviewDb>();
        services.AddSingleton<BankSnapshots>();
        services.AddSingleton<StoreWriter>();
        services.AddSingleton<InterviewStore>();
        return services;
    }

    /// <summary>Creates the database if needed, applies migrations and gives older sessions a bank snapshot, before the service takes requests.</summary>
    public static IApplicationBuilder PrepareInterviewStorage(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<InterviewDb>().Prepare();
        app.ApplicationServices.GetRequiredService<BankSnapshots>().AttachToOlderSessions();
        return app;
    }
}
