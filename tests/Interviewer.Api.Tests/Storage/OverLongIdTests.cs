using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Reviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Microsoft.AspNetCore.SignalR;

namespace Interviewer.Api.Tests.Storage;

/// <summary>An id longer than any stored one (101 characters) finds nothing on every route, and is refused as input on the hub.</summary>
public abstract class OverLongIdTests(StoreProvider provider)
{
    [Fact]
    public async Task OverLongIds_FindNothing_OnEveryRoute()
    {
        await using var app = LiveApps.Create(store: TestStore.Create(provider));
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        using var reviewer = app.CreateReviewerClient();
        var sessionId = Longer(started.SessionId);
        var candidateId = Longer(started.CandidateId!);

        using var session = await reviewer.GetAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative));
        using var review = await reviewer.PutAsJsonAsync(new Uri($"/api/sessions/{sessionId}/turns/1/review", UriKind.Relative), new ReviewRequest(1, 1, null, null));
        using var invitation = await reviewer.DeleteAsync(new Uri($"/api/invitations/{new string('a', 101)}", UriKind.Relative));
        using var progress = await app.CreateClient().SendAsync(CandidateProgressClient.Request(candidateId, started.CandidateToken));
        using var run = await reviewer.GetAsync(new Uri($"/api/runs/{new string('a', 101)}", UriKind.Relative));
        var practice = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(QuestionCount: 1, CandidateId: candidateId, CandidateToken: started.CandidateToken)));
        var assessment = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(Invitation: new string('0', 101))));
        var answer = await Assert.ThrowsAsync<HubException>(() => client.SubmitAsync(sessionId, "a-1", LiveApps.CompleteAnswer));

        Assert.Equal((HttpStatusCode.NotFound, "Session not found"), (session.StatusCode, await TitleAsync(session)));
        Assert.Equal((HttpStatusCode.NotFound, "Session not found"), (review.StatusCode, await TitleAsync(review)));
        Assert.Equal((HttpStatusCode.NotFound, "Invitation not found"), (invitation.StatusCode, await TitleAsync(invitation)));
        Assert.Equal((HttpStatusCode.NotFound, "Candidate not found"), (progress.StatusCode, await TitleAsync(progress)));
        Assert.Equal((HttpStatusCode.NotFound, "Run not found"), (run.StatusCode, await TitleAsync(run)));
        Assert.Equal(("not_found", "not_found"), (practice, assessment));
        Assert.EndsWith("invalid_input: sessionId is 101 characters; the most is 100", answer.Message, StringComparison.Ordinal);
    }

    // A stored id with characters added: no lookup may cut it back to the stored one.
    private static string Longer(string id) => id + new string('0', 101 - id.Length);

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
}

public sealed class OverLongIdOnSqliteTests() : OverLongIdTests(StoreProvider.Sqlite);

public sealed class OverLongIdOnPostgresTests() : OverLongIdTests(StoreProvider.Postgres);
