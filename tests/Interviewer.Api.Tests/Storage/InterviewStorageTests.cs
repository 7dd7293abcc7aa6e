using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Storage;

/// <summary>The store's behaviour, the same on every provider (SQLite's hot path and EF Core's path alike).</summary>
public abstract class InterviewStorageTests(StoreProvider provider)
{
    private InterviewerApp App(TestStore? store = null) => LiveApps.Create(store: store ?? TestStore.Create(provider));

    [Fact]
    public async Task Grade_IsStoredWithGraderBankVersionAndLatency()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Seed: 1));
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");

        await using var connection = await app.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Grader", "BankId", "BankVersion", "Score", "LatencyMs", "ResultJson" FROM grades WHERE "SessionId" = @id AND "AnswerId" = 'a-1'""";
        var id = command.CreateParameter();
        id.ParameterName = "id";
        id.Value = started.SessionId;
        command.Parameters.Add(id);
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
    public async Task EveryChange_MovesTheSessionVersionByOne()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 1));
        await client.NextQuestionAsync();
        var version = () => app.Store.CountAsync("""SELECT "Version" FROM sessions WHERE "Id" = @id""", ("id", started.SessionId));

        var atStart = await version();
        await client.SubmitAsync(started.SessionId, "a-1", LiveApps.CompleteAnswer);
        await client.NextGradedAsync();
        await client.NextQuestionAsync();
        var afterAnswerAndGrade = await version();
        await client.SkipAsync(started.SessionId);
        await client.NextQuestionAsync();
        var afterSkip = await version();
        await client.EndAsync(started.SessionId);
        await client.NextCompletedAsync();

        Assert.Equal(0, atStart);
        Assert.Equal(2, afterAnswerAndGrade);
        Assert.Equal(3, afterSkip);
        Assert.Equal(4, await version());
    }

    [Fact]
    public async Task Answer_ToASessionChangedByAnotherWriter_ReadsTheStoreAgainAndIsStoredOnce()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 1));
        await client.NextQuestionAsync();
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");
        await client.NextQuestionAsync();
        // Another instance committed a change that left the current turn open: this instance's copy is now stale.
        Assert.Equal(1, await app.Store.ExecuteAsync("""UPDATE sessions SET "Version" = "Version" + 1 WHERE "Id" = @id""", ("id", started.SessionId)));

        var ack = await client.SubmitAsync(started.SessionId, "a-2", LiveApps.CompleteAnswer);
        await client.NextGradedAsync();

        Assert.Equal(2, ack.Turn);
        Assert.Equal(1, await app.Store.CountAsync("""SELECT COUNT(*) FROM answers WHERE "SessionId" = @id AND "AnswerId" = 'a-2'""", ("id", started.SessionId)));
    }

    [Fact]
    public async Task Answer_FromAStaleCopyAfterAnotherInstanceMovedOn_IsAConflictAndIsNotFiledUnderTheNewTurn()
    {
        await using var a = App();
        await using var b = App(a.Store);
        await using var onA = await HubTestClient.ConnectAsync(a);
        var started = await onA.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 1));
        await onA.NextQuestionAsync();
        await using var onB = await HubTestClient.ConnectAsync(b);
        await onB.ResumeAsync(started.SessionId, started.ResumeToken);
        await onB.SkipAsync(started.SessionId);
        await onB.NextQuestionAsync();

        var code = await HubTestClient.ErrorCodeAsync(() => onA.SubmitAsync(started.SessionId, "late", LiveApps.CompleteAnswer));

        Assert.Equal("conflict", code);
        Assert.Equal(0, await a.Store.CountAsync("""SELECT COUNT(*) FROM answers WHERE "SessionId" = @id""", ("id", started.SessionId)));
        var resumed = await onA.ResumeAsync(started.SessionId, started.ResumeToken);
        Assert.Equal(2, resumed.CurrentQuestion!.Turn);
        Assert.True(resumed.Transcript[0].Skipped);
    }
}

public sealed class InterviewStorageOnSqliteTests() : InterviewStorageTests(StoreProvider.Sqlite);

public sealed class InterviewStorageOnPostgresTests() : InterviewStorageTests(StoreProvider.Postgres);
