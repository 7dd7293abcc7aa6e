using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Interviews;
using Microsoft.Data.Sqlite;

namespace Interviewer.Api.Tests.Storage;

/// <summary>What only SQLite has: its file and its settings.</summary>
public sealed class SqliteStorageTests
{
    [Fact]
    public async Task Start_CreatesTheSqliteFileInWalMode()
    {
        await using var app = LiveApps.Create();

        var file = Path.Combine(app.DataDirectory, "interviewer.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("Interviewer:Storage:Provider", "Oracle", "Interviewer:Storage:Provider")]
    [InlineData("Interviewer:Storage:Provider", "Postgres", "ConnectionStrings:Interviewer")]
    [InlineData("Interviewer:Storage:MaxBatch", "0", "Interviewer:Storage:MaxBatch")]
    [InlineData("Interviewer:Interviews:DefaultQuestionCount", "0", "Interviewer:Interviews:DefaultQuestionCount")]
    public void Start_WithABadSetting_StopsWithAMessageNamingTheKey(string key, string value, string named)
    {
        var ex = Assert.ThrowsAny<Exception>(() => LiveApps.Create(new Dictionary<string, string?> { [key] = value }));

        var messages = string.Join(" | ", Flatten(ex).Select(e => e.Message));
        Assert.Contains(named, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
