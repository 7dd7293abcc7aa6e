using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Interviews;
using Microsoft.Data.Sqlite;

namespace Interviewer.Api.Tests.Storage;

public sealed class InterviewStorageTests
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

    [Fact]
    public async Task Grade_IsStoredWithGraderBankVersionAndLatency()
    {
        await using var app = LiveApps.Create();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Seed: 1));
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "interviewer.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Grader, BankId, BankVersion, Score, LatencyMs, ResultJson FROM grades WHERE SessionId = $id AND AnswerId = 'a-1'";
        command.Parameters.AddWithValue("$id", started.SessionId);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal("keyword", reader.GetString(0));
        Assert.Equal("test-bank", reader.GetString(1));
        Assert.Equal(3, reader.GetInt32(2));
        Assert.Equal(100, reader.GetDouble(3));
        Assert.True(reader.GetDouble(4) >= 0);
        Assert.Contains("\"keyPoints\"", reader.GetString(5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_ToASessionChangedByAnotherWriter_IsRefusedAndNotStored()
    {
        await using var app = LiveApps.Create();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 1));
        await client.NextQuestionAsync();
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "interviewer.db")};Pooling=false");
        await connection.OpenAsync();
        await using (var bump = connection.CreateCommand())
        {
            // Another instance committed a change: this instance's copy of the session is now stale.
            bump.CommandText = "UPDATE sessions SET Version = Version + 1 WHERE Id = $id";
            bump.Parameters.AddWithValue("$id", started.SessionId);
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());
        }

        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.SubmitAsync(started.SessionId, "a-2", LiveApps.CompleteAnswer));

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM answers WHERE SessionId = $id AND AnswerId = 'a-2'";
        count.Parameters.AddWithValue("$id", started.SessionId);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
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
