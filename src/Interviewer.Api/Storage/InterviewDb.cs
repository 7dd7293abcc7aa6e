using System.Data.Common;
using Interviewer.Api.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
        // EF wraps a failure it takes for transient (a refused connection) in an InvalidOperationException.
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException
            || ex is InvalidOperationException { InnerException: DbException })
        {
            throw Setting.Invalid(IsSqlite
                ? $"{StorageOptions.Section}:DataDirectory: cannot use the SQLite database '{DatabasePath}': {Reason(ex)}"
                : $"ConnectionStrings:{StorageOptions.ConnectionStringName}: cannot use {Description}: {Reason(ex)}");
        }
        _logger.LogInformation("Interview store ready: {Store}", Description);
    }

    private static string Reason(Exception ex) =>
        ex is InvalidOperationException { InnerException: DbException db } ? Reason(db) :
        ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message} ({inner.Message})" : ex.Message;

    private void Migrate()
    {
        if (DatabasePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }
        using var context = CreateContext();
        if (IsSqlite)
        {
            context.Database.Migrate();
        }
        else
        {
            MigrateOneInstanceAtATime(context);
        }
        if (IsSqlite)
        {
            // WAL lets reviewers read while the writer commits; it is a property of the file, so once is enough.
            context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>Any fixed number: the advisory lock instances take to migrate one at a time.</summary>
    private const long MigrationLock = 0x496e74657276;

    /// <summary>
    /// Instances that start together on a new database would otherwise both create it and both apply the migrations.
    /// The database is created by whichever comes first (the other's "already exists" is what it wanted), then each
    /// migrates holding a PostgreSQL advisory lock, so the second finds the migrations applied.
    /// </summary>
    private static void MigrateOneInstanceAtATime(InterviewDbContext context)
    {
        var creator = context.Database.GetService<IRelationalDatabaseCreator>();
        if (!creator.Exists())
        {
            try
            {
                creator.Create();
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it first.
            }
        }
        context.Database.OpenConnection();
        try
        {
            context.Database.ExecuteSql($"SELECT pg_advisory_lock({MigrationLock})");
            try
            {
                context.Database.Migrate();
            }
            finally
            {
                context.Database.ExecuteSql($"SELECT pg_advisory_unlock({MigrationLock})");
            }
        }
        finally
        {
            context.Database.CloseConnection();
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
