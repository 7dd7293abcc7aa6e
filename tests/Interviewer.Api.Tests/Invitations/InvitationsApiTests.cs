using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Invitations;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Invitations;

public sealed class InvitationsApiTests
{
    [Theory]
    [InlineData("GET", "/api/invitations")]
    [InlineData("POST", "/api/invitations")]
    [InlineData("DELETE", "/api/invitations/abc")]
    public async Task Invitations_WithoutReviewerKey_AreUnauthorizedProblems(string method, string path)
    {
        await using var app = LiveApps.Create();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { feedback = "none" }) };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_ReturnsTheLinkOnceAndFixesThePlan()
    {
        await using var app = LiveApps.Create();
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.PostAsJsonAsync("/api/invitations",
            new { questionIds = new[] { "beta-one", "alpha-one" }, feedback = "score", candidateName = "  Ada  " });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = created.GetProperty("token").GetString()!;
        Assert.Equal(64, token.Length);
        Assert.Equal(new Uri(app.BaseAddress, "/?invite=" + token).ToString(), created.GetProperty("url").GetString());
        var invitation = created.GetProperty("invitation");
        Assert.Equal("pending", invitation.GetProperty("status").GetString());
        Assert.Equal(["beta-one", "alpha-one"], invitation.GetProperty("questionIds").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal("test-bank", invitation.GetProperty("bankId").GetString());
        Assert.Equal("keyword", invitation.GetProperty("grader").GetString());
        Assert.Equal("score", invitation.GetProperty("feedback").GetString());
        Assert.Equal("Ada", invitation.GetProperty("candidateName").GetString());
        Assert.Equal("reviewer", invitation.GetProperty("createdBy").GetString());
        var lifetime = invitation.GetProperty("expiresAt").GetDateTimeOffset() - invitation.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(7), lifetime);
        // Only the token's hash is stored: the list never shows it again.
        var listed = await reviewer.GetStringAsync(new Uri("/api/invitations", UriKind.Relative));
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.Equal(0, await app.Store.CountAsync("""SELECT COUNT(*) FROM invitations WHERE "TokenHash" = @t""", ("t", token)));
    }

    [Fact]
    public async Task Create_WithCountAndCategories_DrawsThatManyFromThem()
    {
        await using var app = LiveApps.Create();

        var created = await Invitations.CreateAsync(app, new CreateInvitationRequest(QuestionCount: 2, Categories: ["alpha"], Feedback: "full"));

        Assert.Equal(["alpha-one", "alpha-two"], created.Invitation.QuestionIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "questionCount": 2 }""", "feedback", "feedback is required")]
    [InlineData("""{ "feedback": "partial" }""", "feedback", "feedback is 'partial'; use none, score or full")]
    [InlineData("""{ "feedback": "none", "questionCount": 0 }""", "questionCount", "questionCount is 0; it must be from 1 to 50")]
    [InlineData("""{ "feedback": "none", "categories": ["gamma"] }""", "categories", "unknown category 'gamma' in bank 'test-bank'")]
    [InlineData("""{ "feedback": "none", "questionIds": ["alpha-one", "nope"] }""", "questionIds", "bank 'test-bank' has no question 'nope'")]
    [InlineData("""{ "feedback": "none", "questionIds": ["alpha-one", "alpha-one"] }""", "questionIds", "'alpha-one' named more than once")]
    [InlineData("""{ "feedback": "none", "questionIds": ["alpha-one"], "questionCount": 1 }""", "questionIds", "not both")]
    [InlineData("""{ "feedback": "none", "questionIds": ["alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one","alpha-one"] }""", "questionIds", "questionIds names 51 questions; the most is 50")]
    [InlineData("""{ "feedback": "none", "grader": "llm" }""", "grader", "the llm grader needs a model")]
    [InlineData("""{ "feedback": "none", "expiresAt": "2001-01-01T00:00:00Z" }""", "expiresAt", "has passed")]
    [InlineData("""{ "feedback": "none", "expiresAt": "2999-01-01T00:00:00Z" }""", "expiresAt", "more than 365 days away")]
    public async Task Create_WithBadInput_Is400NamingTheField(string body, string field, string message)
    {
        await using var app = LiveApps.Create();
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.PostAsync(new Uri("/api/invitations", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        Assert.Equal(field, Assert.Single(errors).Name);
        Assert.Contains(message, errors[0].Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Store.CountAsync("SELECT COUNT(*) FROM invitations"));
    }

    [Fact]
    public async Task Create_ForAnUnknownBank_Is404LikeEveryRoute()
    {
        await using var app = LiveApps.Create();
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.PostAsJsonAsync("/api/invitations", new { bankId = "nope", feedback = "none" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nope", problem.GetProperty("bankId").GetString());
    }

    [Fact]
    public async Task List_ShowsEachInvitationsStatusAndSession()
    {
        await using var app = LiveApps.Create();
        var completed = await Invitations.CreateAsync(app, new CreateInvitationRequest(QuestionIds: ["alpha-two"], Feedback: "none"));
        var started = await Invitations.CreateAsync(app, new CreateInvitationRequest(QuestionIds: ["alpha-one"], Feedback: "none"));
        var expired = await Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "none"));
        var revoked = await Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "none"));
        var pending = await Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "none"));
        await app.Store.ExecuteAsync("""UPDATE invitations SET "ExpiresAt" = "CreatedAt" WHERE "Id" = @id""", ("id", expired.InvitationId));
        using var reviewer = app.CreateReviewerClient();
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync(new Uri($"/api/invitations/{revoked.InvitationId}", UriKind.Relative))).StatusCode);
        await using var hub = await HubTestClient.ConnectAsync(app);
        var inProgress = await hub.StartAsync(new StartInterviewRequest(Invitation: started.Token));
        var finished = await hub.StartAsync(new StartInterviewRequest(Invitation: completed.Token));
        await hub.EndAsync(finished.SessionId);

        var list = (await reviewer.GetFromJsonAsync<JsonElement>("/api/invitations")).EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => (Status: i.GetProperty("status").GetString(), Session: i.GetProperty("sessionId").GetString()));

        Assert.Equal(("pending", null), list[pending.InvitationId]);
        Assert.Equal(("revoked", null), list[revoked.InvitationId]);
        Assert.Equal(("expired", null), list[expired.InvitationId]);
        Assert.Equal(("started", inProgress.SessionId), list[started.InvitationId]);
        Assert.Equal(("completed", finished.SessionId), list[completed.InvitationId]);
    }

    [Fact]
    public async Task Revoke_UnknownIs404_StartedIs409()
    {
        await using var app = LiveApps.Create();
        var invitation = await Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "full"));
        await using var hub = await HubTestClient.ConnectAsync(app);
        await hub.StartAsync(new StartInterviewRequest(Invitation: invitation.Token));
        using var reviewer = app.CreateReviewerClient();

        using var unknown = await reviewer.DeleteAsync(new Uri("/api/invitations/nope", UriKind.Relative));
        using var started = await reviewer.DeleteAsync(new Uri($"/api/invitations/{invitation.InvitationId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, started.StatusCode);
    }
}
