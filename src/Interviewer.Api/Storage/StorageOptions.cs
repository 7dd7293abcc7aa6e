using Microsoft.Extensions.Options;

namespace Interviewer.Api.Storage;

/// <summary>Where interviews are stored (<c>Interviewer:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Storage";

    /// <summary>The name of the connection string used with PostgreSQL (<c>ConnectionStrings:Interviewer</c>).</summary>
    public const string ConnectionStringName = "Interviewer";

    /// <summary><c>Sqlite</c> (default: a file under <see cref="DataDirectory"/>) or <c>Postgres</c> (needs <c>ConnectionStrings:Interviewer</c>).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite database's folder, relative to the content root unless absolute. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Most changes committed in one transaction by the store's writer. Default 256.</summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting: <c>Full</c> (default: every commit is on disk before it is acknowledged, even if
    /// the machine loses power) or <c>Normal</c> (in WAL mode still loses nothing when the service is killed; a power cut may
    /// lose the last commits). Ignored with PostgreSQL.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Full";

    /// <summary>The PostgreSQL connection string, bound from <c>ConnectionStrings:Interviewer</c>.</summary>
    public string? ConnectionString { get; set; }

    internal bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Stops the service at start with a message that names the bad key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.IsPostgres && !string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{StorageOptions.Section}:Provider is '{options.Provider}'; use 'Sqlite' or 'Postgres'.");
        }
        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"ConnectionStrings:{StorageOptions.ConnectionStringName} is required when {StorageOptions.Section}:Provider is 'Postgres'.");
        }
        else if (options.IsPostgres)
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"ConnectionStrings:{StorageOptions.ConnectionStringName} is not a PostgreSQL connection string: {ex.Message}");
            }
        }
        if (!options.IsPostgres && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{StorageOptions.Section}:DataDirectory must name a folder.");
        }
        if (options.SqliteSynchronous is not ("Full" or "Normal"))
        {
            failures.Add($"{StorageOptions.Section}:SqliteSynchronous is '{options.SqliteSynchronous}'; use 'Full' or 'Normal'.");
        }
        if (options.MaxBatch is < 1 or > 10_000)
        {
            failures.Add($"{StorageOptions.Section}:MaxBatch must be between 1 and 10000; it is {options.MaxBatch}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
