using Interviewer.Api.Banks;
using Interviewer.Api.Calibration;
using Interviewer.Api.Candidates;
using Interviewer.Api.Grading;
using Interviewer.Api.Input;
using Interviewer.Api.Interviews;
using Interviewer.Api.OpenApi;
using Interviewer.Api.Invitations;
using Interviewer.Api.Reviews;
using Interviewer.Api.Runs;
using Interviewer.Api.Security;
using Interviewer.Api.Sessions;
using Interviewer.Api.Storage;
using Interviewer.Api.Telemetry;
using Interviewer.Rubrics;
using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;

namespace Interviewer.Api.Hosting;

/// <summary>The service's table of contents: what it registers and what it maps.</summary>
public static class HostingExtensions
{
    /// <summary>Registers every feature of the service.</summary>
    public static WebApplicationBuilder AddInterviewer(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreConflictProblems>();
        builder.Services.AddInterviewerSecurity();
        builder.Logging.AddHubLogging();
        builder.Services.ConfigureHttpJsonOptions(o => InterviewerJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ReviewerKeySecurity>();
            o.AddOperationTransformer<ReviewerKeySecurity>();
        });
        builder.Services.AddOptions<RubricsOptions>().BindConfiguration(RubricsOptions.Section);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RubricsOptions>>().Value.LoadCatalog());
        builder.Services.AddInterviewerGraders(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddInterviews(builder.Configuration);
        builder.Services.AddSingleton<ReviewStore>();
        builder.Services.AddSingleton<CandidateStore>();
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<InvitationStore>();
        builder.Services.AddInterviewerTelemetry(builder.Configuration);
        builder.Services.AddInterviewerHealth();
        return builder;
    }

    /// <summary>Maps the pages, the hub and the HTTP API.</summary>
    public static WebApplication MapInterviewer(this WebApplication app)
    {
        // Every setting is checked before anything is mapped, and the servers they name are reached now: a bad one stops
        // the service at start (Program reports it) rather than failing later or leaving the service never ready.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        // Load the banks now, so that a broken rubric stops the service at start with every problem listed.
        var catalog = app.Services.GetRequiredService<BankCatalog>();
        var defaultBank = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InterviewOptions>>().Value.DefaultBank;
        if (catalog.Find(defaultBank) is null)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(InterviewOptions.Section, typeof(InterviewOptions),
                [$"Interviewer:Interviews:DefaultBank '{defaultBank}' is not a bank; banks: {string.Join(", ", catalog.Banks.Select(b => b.Id))}."]);
        }
        _ = app.Services.GetRequiredService<ReviewerKeyStore>();
        app.PrepareInterviewStorage();
        app.Services.GetService<RedisBackplane>()?.EnsureConnectedAsync().GetAwaiter().GetResult();

        app.UseClientAddress();
        app.UseSecurityHeaders();
        app.UseManagementPort();
        var pages = new PhysicalFileProvider(WebAssets.RootPath);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi().RequireManagement(app.Services);
        app.MapInterviewerHealth();
        app.MapBanksApi();
        app.MapBankImportApi();
        app.MapCalibrationApi();
        app.MapGradingApi();
        app.MapGradersApi();
        app.MapProgressApi();
        app.MapSessionsApi();
        app.MapReviewsApi();
        app.MapRunsApi();
        app.MapInvitationsApi();
        app.MapInterviews();
        app.MapInterviewerTelemetry();
        return app;
    }
}
