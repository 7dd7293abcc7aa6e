using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>The store providers the storage and hub tests run on.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One test's store: a fresh SQLite folder, or a fresh database on the test PostgreSQL server. Apps built with the same
/// store share it (a restart, or a second instance); raw SQL lets a test play another writer.
/// </summary>
public sealed class TestStore
{
    private TestStore(StoreProvider provider, string dataDirectory, string? connectionString)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public StoreProvider Provider { get; }

    /// <summary>The app's data folder (the SQLite file lives here).</summary>
    public string DataDirectory { get; }

    /// <summary>The PostgreSQL connection string, with this test's own database; null for SQLite.</summary>
    public string? ConnectionString { get; }

    public static TestStore Create(StoreProvider provider, string? dataDirectory = null)
    {
        var folder = dataDirectory ?? TestRun.Folder("store").FullName;
        return provider == StoreProvider.Postgres
            ? new TestStore(provider, folder, $"{TestServers.Postgres};Database=t_{Guid.NewGuid():N}")
            : new TestStore(provider, folder, null);
    }

    /// <summary>The settings that point an app at this store.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Interviewer:Storage:DataDirectory", DataDirectory);
        if (Provider == StoreProvider.Postgres)
        {
            yield return new("Interviewer:Storage:Provider", "Postgres");
            yield return new("ConnectionStrings:Interviewer", ConnectionString);
        }
    }

    /// <summary>A raw connection to the store, as another writer would have (identifiers double-quoted, parameters <c>@name</c>).</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == StoreProvider.Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "interviewer.db")};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs one statement; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query; returns its first value as a long.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
