using System.Data.Common;
using Interviewer.Api.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Storage;

/// <summary>Creates contexts for the configured provider (pooled) and prepares the database at start.</summary>
internal sealed class InterviewDb
{
    private readonly IDbContextFactory<InterviewDbContext> _factory;
    private readonly ILogger<InterviewDb> _logger;

    public InterviewDb(IOptions<StorageOptions> options, IHostEnvironment environment, ILogger<InterviewDb> logger)
    {
        _logger = logger;
        var storage = options.Value;
        if (storage.IsPostgres)
        {
            IsSqlite = false;
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString);
            Description = $"PostgreSQL at {connection.Host}:{connection.Port}, database '{connection.Database}'";
            var builder = new DbContextOptionsBuilder<PostgresInterviewDbContext>().UseNpgsql(storage.ConnectionString);
            _factory = new Factory<PostgresInterviewDbContext>(new PooledDbContextFactory<PostgresInterviewDbContext>(builder.Options));
        }
        else
        {
            IsSqlite = true;
            var folder = Path.GetFullPath(storage.DataDirectory, environment.ContentRootPath);
            DatabasePath = Path.Combine(folder, "interviewer.db");
            Description = $"SQLite {DatabasePath}";
            var connection = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true }.ToString();
            var builder = new DbContextOptionsBuilder<SqliteInterviewDbContext>().UseSqlite(connection);
            if (storage.SqliteSynchronous == "Normal")
            {
                builder.AddInterceptors(new SynchronousNormal());
            }
            _factory = new Factory<SqliteInterviewDbContext>(new PooledDbContextFactory<SqliteInterviewDbContext>(builder.Options));
        }
    }

    public bool IsSqlite { get; }

    /// <summary>The SQLite file; null with PostgreSQL.</summary>
    public string? DatabasePath { get; }

    public string Description { get; }

    public InterviewDbContext CreateContext() => _factory.CreateDbContext();

    /// <summary>
    /// Creates the database when missing, applies pending migrations, and puts SQLite in WAL mode. A database that cannot
    /// be reached or written stops the service naming the setting that points at it.
    /// </summary>
    public void Prepare()
    {
        try
        {
            Migrate();
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            throw Setting.Invalid(IsSqlite
                ? $"{StorageOptions.Section}:DataDirectory: cannot use the SQLite database '{DatabasePath}': {Reason(ex)}"
                : $"ConnectionStrings:{StorageOptions.ConnectionStringName}: cannot use {Description}: {Reason(ex)}");
        }
        _logger.LogInformation("Interview store ready: {Store}", Description);
    }

    private static string Reason(Exception ex) =>
        ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message} ({inner.Message})" : ex.Message;

    private void Migrate()
    {
        if (DatabasePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }
        using var context = CreateContext();
        context.Database.Migrate();
        if (IsSqlite)
        {
            // WAL lets reviewers read while the writer commits; it is a property of the file, so once is enough.
            context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary><c>synchronous</c> is a per-connection setting, so it is set on every open.</summary>
    private sealed class SynchronousNormal : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }

    private sealed class Factory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<InterviewDbContext>
        where TContext : InterviewDbContext
    {
        public InterviewDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
