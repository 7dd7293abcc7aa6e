using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Storage;

/// <summary>
/// History never changes: a session reads the bank as it was asked (its snapshot in the store), whatever the bank files
/// say after a restart. The fixture's beta-one has two key points, bananas (weight 2) and grapes (weight 1).
/// </summary>
public abstract class BankSnapshotTests(StoreProvider provider)
{
    private const string BetaOne = "questions/beta-one.yaml";

    [Fact]
    public async Task QuestionRemovedFromTheBank_OldSessionStillShowsItWithItsTextAndScore()
    {
        var rubrics = EditableRubrics.Copy();
        var store = TestStore.Create(provider);
        var (sessionId, token) = await AnswerBananasAndEndAsync(rubrics, store);
        rubrics.Delete(BetaOne);
        rubrics.BumpVersion();

        await using var app = Start(rubrics, store);
        using var reviewer = app.CreateReviewerClient();
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");
        await using var candidate = await HubTestClient.ConnectAsync(app);
        var resumed = await candidate.ResumeAsync(sessionId, token);

        var question = Assert.Single(detail.GetProperty("summary").GetProperty("questions").EnumerateArray());
        Assert.Equal("beta-one", question.GetProperty("questionId").GetString());
        Assert.Equal("Compare bananas and grapes.", question.GetProperty("text").GetString());
        Assert.Equal(66.7, question.GetProperty("score").GetDouble());
        Assert.Equal(3, detail.GetProperty("bank").GetProperty("version").GetInt32());
        Assert.False(detail.GetProperty("snapshotRecovered").GetBoolean());
        Assert.Equal("ended", resumed.Status);
        Assert.Equal("Compare bananas and grapes.", resumed.Transcript[0].Question.Text);
    }

    [Fact]
    public async Task WeightChanged_OldQuestionScoreIsUnchangedInListAndDetail_AndANewSessionUsesTheNewVersion()
    {
        var rubrics = EditableRubrics.Copy();
        var store = TestStore.Create(provider);
        var (sessionId, _) = await AnswerBananasAndEndAsync(rubrics, store);
        rubrics.Replace(BetaOne, "weight: 2", "weight: 1");
        rubrics.BumpVersion();

        await using var app = Start(rubrics, store);
        using var reviewer = app.CreateReviewerClient();
        var (newSessionId, _) = await AnswerBananasAndEndAsync(app);
        var list = (await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions")).EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        var old = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");
        var fresh = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{newSessionId}");

        Assert.Equal(66.7, list[sessionId].GetProperty("overallScore").GetDouble());
        Assert.Equal(3, list[sessionId].GetProperty("bankVersion").GetInt32());
        Assert.Equal(66.7, old.GetProperty("summary").GetProperty("overallScore").GetDouble());
        Assert.Equal(3, old.GetProperty("bank").GetProperty("version").GetInt32());
        var keyPoints = old.GetProperty("summary").GetProperty("questions")[0].GetProperty("keyPoints").EnumerateArray().ToList();
        Assert.Equal([2.0, 1.0], keyPoints.Select(k => k.GetProperty("weight").GetDouble()));
        Assert.Equal(50, list[newSessionId].GetProperty("overallScore").GetDouble());
        Assert.Equal(4, list[newSessionId].GetProperty("bankVersion").GetInt32());
        Assert.Equal(50, fresh.GetProperty("summary").GetProperty("overallScore").GetDouble());
        Assert.Equal(4, fresh.GetProperty("bank").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task QuestionTextEdited_OldSessionShowsTheOldText()
    {
        var rubrics = EditableRubrics.Copy();
        var store = TestStore.Create(provider);
        var (sessionId, _) = await AnswerBananasAndEndAsync(rubrics, store);
        rubrics.Replace(BetaOne, "Compare bananas and grapes.", "Which grows on vines, bananas or grapes?");
        rubrics.Replace(BetaOne, "text: Bananas are berries.", "text: Bananas are botanically berries.");
        rubrics.BumpVersion();

        await using var app = Start(rubrics, store);
        using var reviewer = app.CreateReviewerClient();
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");

        var question = detail.GetProperty("summary").GetProperty("questions")[0];
        Assert.Equal("Compare bananas and grapes.", question.GetProperty("text").GetString());
        Assert.Equal("Bananas are berries.", question.GetProperty("keyPoints")[0].GetProperty("text").GetString());
        Assert.Equal("Compare bananas and grapes.", detail.GetProperty("transcript")[0].GetProperty("question").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SavedRun_AfterTheBankChanged_ReportsTheQuestionAsGraded()
    {
        var rubrics = EditableRubrics.Copy();
        var store = TestStore.Create(provider);
        string runId;
        await using (var app = Start(rubrics, store))
        {
            using var reviewer = app.CreateReviewerClient();
            using var graded = await reviewer.PostAsJsonAsync("/api/grade",
                new { bankId = "test-bank", items = new[] { new { id = "a1", questionId = "beta-one", answer = "bananas" } } });
            runId = (await graded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        }
        rubrics.Replace(BetaOne, "Compare bananas and grapes.", "Which grows on vines, bananas or grapes?");
        rubrics.BumpVersion();

        await using var restarted = Start(rubrics, store);
        using var client = restarted.CreateReviewerClient();
        var markdown = await client.GetStringAsync($"/api/runs/{runId}?format=md");

        Assert.Contains("Compare bananas and grapes.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Which grows on vines", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameContent_IsStoredOnce()
    {
        var rubrics = EditableRubrics.Copy();
        var store = TestStore.Create(provider);
        await AnswerBananasAndEndAsync(rubrics, store);
        await using (var app = Start(rubrics, store))
        {
            await AnswerBananasAndEndAsync(app);
        }
        rubrics.Replace(BetaOne, "weight: 2", "weight: 3");
        rubrics.BumpVersion();
        await using (var app = Start(rubrics, store))
        {
            await AnswerBananasAndEndAsync(app);
        }

        Assert.Equal(2, await store.CountAsync("SELECT COUNT(*) FROM bank_snapshots"));
        Assert.Equal(2, await store.CountAsync("""SELECT COUNT(DISTINCT "BankSnapshotId") FROM sessions"""));
    }

    [Fact]
    public async Task SessionStoredBeforeSnapshots_GetsTheServedBankMarkedRecovered_AndAQuestionThatLeftShowsAsAsked()
    {
        var rubrics = EditableRubrics.Copy();
        var store = TestStore.Create(provider);
        var (sessionId, _) = await AnswerBananasAndEndAsync(rubrics, store);
        await StoreSchema.DowngradeBeforeAsync(store, "BankSnapshots");
        rubrics.Delete(BetaOne);
        rubrics.BumpVersion();

        await using var app = Start(rubrics, store);
        using var reviewer = app.CreateReviewerClient();
        var listed = Assert.Single((await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions")).EnumerateArray());
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");

        Assert.True(listed.GetProperty("snapshotRecovered").GetBoolean());
        Assert.Equal(66.7, listed.GetProperty("overallScore").GetDouble());
        Assert.True(detail.GetProperty("snapshotRecovered").GetBoolean());
        Assert.Equal(4, detail.GetProperty("bank").GetProperty("version").GetInt32());
        var question = detail.GetProperty("summary").GetProperty("questions")[0];
        Assert.Equal("Compare bananas and grapes.", question.GetProperty("text").GetString());
        Assert.Equal(["Bananas are berries.", "Grapes grow on vines."],
            question.GetProperty("keyPoints").EnumerateArray().Select(k => k.GetProperty("text").GetString()));
        Assert.Equal(1, await store.CountAsync("""SELECT COUNT(*) FROM sessions WHERE "BankSnapshotId" IS NOT NULL"""));
    }

    private static InterviewerApp Start(EditableRubrics rubrics, TestStore store) =>
        LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Rubrics:Path"] = rubrics.Root }, store: store);

    private static async Task<(string SessionId, string Token)> AnswerBananasAndEndAsync(EditableRubrics rubrics, TestStore store)
    {
        await using var app = Start(rubrics, store);
        return await AnswerBananasAndEndAsync(app);
    }

    /// <summary>beta-one answered with bananas only: 2 of 3 weight, 66.7; the follow-up about grapes is left unanswered.</summary>
    private static async Task<(string SessionId, string Token)> AnswerBananasAndEndAsync(InterviewerApp app)
    {
        await using var hub = await HubTestClient.ConnectAsync(app);
        var started = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        await hub.AnswerAsync(started.SessionId, "bananas");
        await hub.EndAsync(started.SessionId);
        await hub.NextCompletedAsync();
        return (started.SessionId, started.ResumeToken);
    }
}

public sealed class BankSnapshotOnSqliteTests() : BankSnapshotTests(StoreProvider.Sqlite);

public sealed class BankSnapshotOnPostgresTests() : BankSnapshotTests(StoreProvider.Postgres);
