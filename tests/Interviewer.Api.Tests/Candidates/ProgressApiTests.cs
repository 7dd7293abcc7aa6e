using System.Net;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Candidates;

/// <summary><c>GET /api/candidates/{id}/progress</c> on each store provider (the candidate's sessions are read together).</summary>
public abstract class ProgressApiTests(StoreProvider provider)
{
    private InterviewerApp App() => LiveApps.Create(store: TestStore.Create(provider));

    [Fact]
    public async Task OwnToken_ListsTheInterviewWithItsScores_AndTheWeakAreas()
    {
        await using var app = App();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var started = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        await hub.NextQuestionAsync();
        // Bananas (weight 2) covered, grapes (weight 1) missing: 2 / 3 of the question.
        await hub.AnswerAsync(started.SessionId, "Bananas are yellow.");
        await hub.EndAsync(started.SessionId);
        await hub.NextCompletedAsync();

        var progress = await CandidateProgressClient.GetAsync(app, started.CandidateId!, started.CandidateToken!);

        Assert.Equal(started.CandidateId, progress.GetProperty("candidateId").GetString());
        var interview = Assert.Single(progress.GetProperty("interviews").EnumerateArray());
        Assert.Equal(started.SessionId, interview.GetProperty("sessionId").GetString());
        Assert.Equal("ended", interview.GetProperty("status").GetString());
        Assert.Equal("test-bank", interview.GetProperty("bank").GetProperty("id").GetString());
        Assert.Equal(66.7, interview.GetProperty("overallScore").GetDouble());
        Assert.Equal(1, interview.GetProperty("answered").GetInt32());
        var question = Assert.Single(interview.GetProperty("questions").EnumerateArray());
        Assert.Equal(("beta-one", 66.7, "answered"), (question.GetProperty("questionId").GetString(), question.GetProperty("score").GetDouble(), question.GetProperty("status").GetString()));
        var category = Assert.Single(interview.GetProperty("categories").EnumerateArray());
        Assert.Equal(("beta", "Beta questions", 66.7), (category.GetProperty("id").GetString(), category.GetProperty("title").GetString(), category.GetProperty("score").GetDouble()));

        var weak = progress.GetProperty("weakAreas");
        var keyPoint = Assert.Single(weak.GetProperty("keyPoints").EnumerateArray());
        Assert.Equal(("beta-one-grapes", "Grapes grow on vines.", 1, 1),
            (keyPoint.GetProperty("keyPointId").GetString(), keyPoint.GetProperty("text").GetString(), keyPoint.GetProperty("missed").GetInt32(), keyPoint.GetProperty("seen").GetInt32()));
        Assert.Equal("beta-one", Assert.Single(weak.GetProperty("questions").EnumerateArray()).GetProperty("questionId").GetString());
        Assert.Equal("beta", Assert.Single(weak.GetProperty("categories").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("test-bank", progress.GetProperty("practice").GetProperty("bankId").GetString());
        Assert.Equal(["beta-one"], progress.GetProperty("practice").GetProperty("questionIds").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public async Task WrongToken_IsForbidden_MissingToken_Unauthorized_UnknownCandidate_NotFound()
    {
        await using var app = App();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var mine = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        var theirs = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        using var client = app.CreateClient();
        using var reviewer = app.CreateReviewerClient();

        using var wrong = await client.SendAsync(CandidateProgressClient.Request(mine.CandidateId!, theirs.CandidateToken));
        using var missing = await client.SendAsync(CandidateProgressClient.Request(mine.CandidateId!, null));
        using var reviewerKey = await reviewer.SendAsync(CandidateProgressClient.Request(mine.CandidateId!, null));
        using var unknown = await client.SendAsync(CandidateProgressClient.Request("0123456789abcdef0123456789abcdef", mine.CandidateToken));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reviewerKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(mine.SessionId, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCandidatesSessions_AreNeverShown()
    {
        await using var app = App();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var mine = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        var theirs = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 2));
        var theirsAgain = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, CandidateId: theirs.CandidateId, CandidateToken: theirs.CandidateToken));

        Assert.Equal([mine.SessionId], await CandidateProgressClient.SessionIdsAsync(app, mine.CandidateId!, mine.CandidateToken!));
        Assert.Equal([theirsAgain.SessionId, theirs.SessionId], await CandidateProgressClient.SessionIdsAsync(app, theirs.CandidateId!, theirs.CandidateToken!));
    }

    [Fact]
    public async Task SkippedQuestion_IsAWeakQuestion_ButItsKeyPointsNeverReachTheCandidate()
    {
        await using var app = App();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var started = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        await hub.NextQuestionAsync();
        await hub.SkipAsync(started.SessionId);
        await hub.NextCompletedAsync();

        var progress = await CandidateProgressClient.GetAsync(app, started.CandidateId!, started.CandidateToken!);
        var json = progress.GetRawText();

        var weak = Assert.Single(progress.GetProperty("weakAreas").GetProperty("questions").EnumerateArray());
        Assert.Equal(("beta-one", 0.0), (weak.GetProperty("questionId").GetString(), weak.GetProperty("lastScore").GetDouble()));
        Assert.Empty(progress.GetProperty("weakAreas").GetProperty("keyPoints").EnumerateArray());
        Assert.DoesNotContain("Bananas are berries", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Grapes grow on vines", json, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, progress.GetProperty("practice").ValueKind);
    }

    [Fact]
    public async Task SeveralInterviews_EachKeepsItsOwnTurnsAnswersAndGrades_NewestFirst()
    {
        await using var app = App();
        await using var hub = await HubTestClient.ConnectAsync(app);
        // Oldest: bananas only, then ended at the follow-up (66.7); then both key points (100); newest: alpha-one skipped (0).
        var partial = await hub.StartAsync(new StartInterviewRequest(QuestionIds: ["beta-one"]));
        await hub.NextQuestionAsync();
        await hub.AnswerAsync(partial.SessionId, "Bananas are yellow.");
        await hub.NextQuestionAsync();
        await hub.EndAsync(partial.SessionId);
        await hub.NextCompletedAsync();
        var again = new StartInterviewRequest(CandidateId: partial.CandidateId, CandidateToken: partial.CandidateToken);
        var full = await hub.StartAsync(again with { QuestionIds = ["beta-one"] });
        await hub.NextQuestionAsync();
        await hub.AnswerAsync(full.SessionId, "Bananas and grapes.");
        await hub.NextCompletedAsync();
        var skipped = await hub.StartAsync(again with { QuestionIds = ["alpha-one"] });
        await hub.NextQuestionAsync();
        await hub.SkipAsync(skipped.SessionId);
        await hub.NextCompletedAsync();

        var progress = await CandidateProgressClient.GetAsync(app, partial.CandidateId!, partial.CandidateToken!);

        var interviews = progress.GetProperty("interviews").EnumerateArray().Select(i => (
            i.GetProperty("sessionId").GetString(),
            i.GetProperty("status").GetString(),
            i.GetProperty("overallScore").GetDouble(),
            i.GetProperty("answered").GetInt32(),
            string.Join(",", i.GetProperty("questions").EnumerateArray().Select(q => $"{q.GetProperty("questionId").GetString()}={q.GetProperty("score").GetDouble()}"))));
        Assert.Equal([
            (skipped.SessionId, "completed", 0.0, 0, "alpha-one=0"),
            (full.SessionId, "completed", 100.0, 1, "beta-one=100"),
            (partial.SessionId, "ended", 66.7, 1, "beta-one=66.7"),
        ], interviews);
        var weak = progress.GetProperty("weakAreas");
        Assert.Equal(["alpha-one"], weak.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("questionId").GetString()));
        var keyPoint = Assert.Single(weak.GetProperty("keyPoints").EnumerateArray());
        Assert.Equal(("beta-one-grapes", 1, 2), (keyPoint.GetProperty("keyPointId").GetString(), keyPoint.GetProperty("missed").GetInt32(), keyPoint.GetProperty("seen").GetInt32()));
        Assert.Equal(["alpha"], weak.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }
}

public sealed class ProgressApiOnSqliteTests() : ProgressApiTests(StoreProvider.Sqlite);

public sealed class ProgressApiOnPostgresTests() : ProgressApiTests(StoreProvider.Postgres);
