using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Sessions;

public sealed class SessionsApiTests
{
    [Fact]
    public async Task ListSessions_WithoutReviewerKey_IsUnauthorizedProblem()
    {
        await using var app = LiveApps.Create();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListSessions_ShowsInterviewsNewestFirstAndFiltersByStatus()
    {
        await using var app = LiveApps.Create();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var first = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 2, CandidateName: "Ada"));
        var second = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, Seed: 1));
        await hub.AnswerAsync(second.SessionId, LiveApps.CompleteAnswer);
        await hub.NextCompletedAsync();
        using var reviewer = app.CreateReviewerClient();

        var all = (await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions")).EnumerateArray().ToList();
        var active = (await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions?status=active")).EnumerateArray().ToList();

        Assert.Equal([second.SessionId, first.SessionId], all.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("completed", all[0].GetProperty("status").GetString());
        Assert.Equal(100, all[0].GetProperty("overallScore").GetDouble());
        Assert.Equal("Ada", all[1].GetProperty("candidateName").GetString());
        Assert.Equal(2, all[1].GetProperty("totalQuestions").GetInt32());
        Assert.Equal(first.SessionId, Assert.Single(active).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListSessions_FiltersByModeAndShowsTheInvitation()
    {
        await using var app = LiveApps.Create();
        var invitation = await Invitations.Invitations.CreateAsync(app, new Api.Invitations.CreateInvitationRequest(Feedback: "score"));
        await using var hub = await HubTestClient.ConnectAsync(app);
        var practice = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        var assessment = await hub.StartAsync(new StartInterviewRequest(Invitation: invitation.Token));
        using var reviewer = app.CreateReviewerClient();

        var assessments = (await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions?mode=assessment")).EnumerateArray().ToList();
        var practices = (await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions?mode=practice")).EnumerateArray().ToList();
        using var bad = await reviewer.GetAsync(new Uri("/api/sessions?mode=exam", UriKind.Relative));

        var only = Assert.Single(assessments);
        Assert.Equal(assessment.SessionId, only.GetProperty("id").GetString());
        Assert.Equal(("assessment", "score", invitation.InvitationId),
            (only.GetProperty("mode").GetString(), only.GetProperty("feedback").GetString(), only.GetProperty("invitationId").GetString()));
        Assert.Equal(practice.SessionId, Assert.Single(practices).GetProperty("id").GetString());
        Assert.Equal("practice", practices[0].GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("mode is 'exam'; use practice or assessment", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_ReturnsTheTranscriptAndSummary()
    {
        await using var app = LiveApps.Create();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var started = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        await hub.AnswerAsync(started.SessionId, "bananas <script>alert(1)</script>", "a-1");
        using var reviewer = app.CreateReviewerClient();

        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{started.SessionId}");

        Assert.Equal("active", detail.GetProperty("status").GetString());
        Assert.Equal(["beta-one"], detail.GetProperty("plan").EnumerateArray().Select(p => p.GetString()));
        var transcript = detail.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(2, transcript.Count);
        Assert.Equal("bananas <script>alert(1)</script>", transcript[0].GetProperty("answer").GetProperty("text").GetString());
        Assert.True(transcript[1].GetProperty("question").GetProperty("isFollowUp").GetBoolean());
        var gaps = Assert.Single(detail.GetProperty("summary").GetProperty("gaps").EnumerateArray());
        Assert.Equal("beta-one", gaps.GetProperty("questionId").GetString());
        Assert.Equal("beta-one-grapes", gaps.GetProperty("keyPoints")[0].GetProperty("keyPointId").GetString());
        Assert.Equal("Grapes grow on vines.", gaps.GetProperty("keyPoints")[0].GetProperty("study").GetString());
        Assert.Equal(66.7, transcript[0].GetProperty("grade").GetProperty("questionScore").GetDouble());
        Assert.Equal(["beta-one-grapes"], transcript[1].GetProperty("question").GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task GetSession_Unknown_IsNotFoundProblem()
    {
        await using var app = LiveApps.Create();
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.GetAsync(new Uri("/api/sessions/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListSessions_FiltersByCandidateBankAndDates()
    {
        await using var app = LiveApps.Create();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var ada = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, CandidateName: "Ada Lovelace"));
        var grace = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, CandidateName: "Grace Hopper"));
        var anonymous = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        using var reviewer = app.CreateReviewerClient();
        async Task<List<string?>> Ids(string query) =>
            (await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions" + query)).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        var hourAgo = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var inAnHour = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));

        Assert.Equal([ada.SessionId], await Ids("?candidate=LOVE"));
        Assert.Equal([grace.SessionId, ada.SessionId], await Ids("?candidate=a"));
        Assert.Equal([anonymous.SessionId, grace.SessionId, ada.SessionId], await Ids("?bank=test-bank"));
        Assert.Empty(await Ids("?bank=other-bank"));
        Assert.Equal(3, (await Ids($"?from={hourAgo}&to={inAnHour}")).Count);
        Assert.Empty(await Ids($"?from={inAnHour}"));
        Assert.Empty(await Ids($"?to={hourAgo}"));
    }

    [Theory]
    [InlineData("?status=paused")]
    [InlineData("?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("?from=yesterday")]
    [InlineData("?limit=0")]
    [InlineData("?offset=-1")]
    public async Task ListSessions_WithABadQuery_IsBadRequestProblem(string query)
    {
        await using var app = LiveApps.Create();
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.GetAsync(new Uri("/api/sessions" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
