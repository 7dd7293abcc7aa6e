using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Invitations;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Interviews;

// Assessments started from a reviewer's invitation (design.md, "Modes").
public abstract partial class InterviewHubTests
{
    // Every key point text and model-answer sentence of alpha-one, the question the wire tests ask.
    private static readonly string[] AlphaOneRubricText =
        ["Apples grow on trees", "Pears ripen after picking", "orchards", "\"study\""];

    [Fact]
    public async Task Assessment_AsksTheInvitationsPlan_WhateverTheClientAsksFor()
    {
        await using var app = App();
        var invitation = await Invitations.Invitations.CreateAsync(app,
            new CreateInvitationRequest(QuestionIds: ["beta-one", "alpha-two"], Feedback: "full", CandidateName: "Ada"));
        await using var client = await HubTestClient.ConnectAsync(app);

        var started = await client.StartAsync(new StartInterviewRequest(
            BankId: "nope", QuestionCount: 9, Categories: ["faq"], Grader: "dual", Seed: 12345, CandidateName: "Mallory", Invitation: invitation.Token));
        var first = await client.NextQuestionAsync();
        await client.AnswerAsync(started.SessionId, "bananas and grapes");
        var second = await client.NextQuestionAsync();

        Assert.Equal(("assessment", "full", "keyword", 2), (started.Mode, started.Feedback, started.Grader, started.TotalQuestions));
        Assert.Equal(("beta-one", "alpha-two"), (first.QuestionId, second.QuestionId));
        using var reviewer = app.CreateReviewerClient();
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{started.SessionId}");
        Assert.Equal("assessment", detail.GetProperty("mode").GetString());
        Assert.Equal("full", detail.GetProperty("feedback").GetString());
        Assert.Equal(invitation.InvitationId, detail.GetProperty("invitationId").GetString());
        Assert.Equal("Ada", detail.GetProperty("candidateName").GetString());
        Assert.NotEqual(12345, detail.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Assessment_SecondStart_IsConflict_AndResumeCarriesOn()
    {
        await using var app = App();
        var invitation = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(QuestionIds: ["alpha-one", "beta-one"], Feedback: "score"));
        await using var first = await HubTestClient.ConnectAsync(app);
        var started = await first.StartAsync(new StartInterviewRequest(Invitation: invitation.Token));
        await first.NextQuestionAsync();
        await first.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        await using var second = await HubTestClient.ConnectAsync(app);

        var again = await HubTestClient.ErrorCodeAsync(() => second.StartAsync(new StartInterviewRequest(Invitation: invitation.Token)));
        var resumed = await second.ResumeAsync(started.SessionId, started.ResumeToken);

        Assert.Equal("conflict", again);
        Assert.Equal(("assessment", "score", "active"), (resumed.Mode, resumed.Feedback, resumed.Status));
        Assert.Equal("beta-one", resumed.CurrentQuestion?.QuestionId);
        Assert.Equal(1, await app.Store.CountAsync("SELECT COUNT(*) FROM sessions"));
    }

    [Fact]
    public async Task Assessment_StartedFromTwoConnectionsAtOnce_StartsOnce()
    {
        await using var app = App();
        var invitation = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "none"));
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => HubTestClient.ConnectAsync(app)));

        var outcomes = await Task.WhenAll(clients.Select(async client =>
        {
            try
            {
                return (await client.StartAsync(new StartInterviewRequest(Invitation: invitation.Token))).SessionId;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex) when (ex.Message.Contains("conflict:", StringComparison.Ordinal))
            {
                return "conflict";
            }
        }));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        Assert.Equal(3, outcomes.Count(o => o == "conflict"));
        Assert.Equal(1, await app.Store.CountAsync("SELECT COUNT(*) FROM sessions"));
        Assert.Equal(1, await app.Store.CountAsync("""SELECT COUNT(*) FROM invitations WHERE "SessionId" = @id""", ("id", outcomes.Single(o => o != "conflict"))));
    }

    [Fact]
    public async Task Assessment_ExpiredOrRevokedIsForbidden_UnknownIsNotFound()
    {
        await using var app = App();
        var expired = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "none"));
        var revoked = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(Feedback: "none"));
        Assert.Equal(1, await app.Store.ExecuteAsync("""UPDATE invitations SET "ExpiresAt" = "CreatedAt" WHERE "Id" = @id""", ("id", expired.InvitationId)));
        using var reviewer = app.CreateReviewerClient();
        (await reviewer.DeleteAsync(new Uri($"/api/invitations/{revoked.InvitationId}", UriKind.Relative))).EnsureSuccessStatusCode();
        await using var client = await HubTestClient.ConnectAsync(app);

        var codes = new[]
        {
            await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(Invitation: expired.Token))),
            await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(Invitation: revoked.Token))),
            await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(Invitation: new string('0', 64)))),
        };

        Assert.Equal(["forbidden", "forbidden", "not_found"], codes);
        Assert.Equal(0, await app.Store.CountAsync("SELECT COUNT(*) FROM sessions"));
    }

    [Fact]
    public async Task Assessment_UsesTheInvitationsGrader_ThatPracticeMayNotChoose()
    {
        // Practice may use only dual here (not configured), so keyword is refused to anonymous practice.
        await using var app = App(new Dictionary<string, string?> { ["Interviewer:Limits:PracticeGraders:0"] = "dual" });
        var invitation = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(Grader: "keyword", Feedback: "full"));
        await using var client = await HubTestClient.ConnectAsync(app);

        var practice = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(Grader: "keyword")));
        var assessment = await client.StartAsync(new StartInterviewRequest(Invitation: invitation.Token));

        Assert.Equal("forbidden", practice);
        Assert.Equal("keyword", assessment.Grader);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("score")]
    [InlineData("full")]
    public async Task Assessment_Feedback_DecidesWhatReachesTheCandidate(string feedback)
    {
        await using var app = App();
        var invitation = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(QuestionIds: ["alpha-one"], Feedback: feedback));
        await using var raw = await RawHubConnection.ConnectAsync(app);

        var wire = await RunAsync(raw, invitation.Token, "apples, I think", "I do not know.");

        Assert.Equal(feedback != "none", wire.Contains("\"questionScore\"", StringComparison.Ordinal));
        Assert.Equal(feedback != "none", wire.Contains("\"overallScore\":66.7", StringComparison.Ordinal));
        Assert.Equal(feedback == "full", wire.Contains("Apples grow on trees", StringComparison.Ordinal));
        // Study material is never sent in an assessment.
        Assert.DoesNotContain("\"study\"", wire, StringComparison.Ordinal);
        if (feedback != "full")
        {
            Assert.DoesNotContain("\"keyPoints\":[", wire, StringComparison.Ordinal);
            Assert.DoesNotContain("Pears ripen", wire, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Practice_AnswerWithoutContent_ShowsNoKeyPointTextOrStudyMaterial()
    {
        await using var app = App();
        await using var raw = await RawHubConnection.ConnectAsync(app);

        var wire = await RunAsync(raw, invitation: null, "I do not know.", "No idea.");

        Assert.Contains("\"questionScore\":0", wire, StringComparison.Ordinal);
        foreach (var text in AlphaOneRubricText)
        {
            Assert.DoesNotContain(text, wire, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Practice_AnswerThatEarnsCredit_ShowsTheChecklistAndStudyMaterial()
    {
        await using var app = App();
        await using var raw = await RawHubConnection.ConnectAsync(app);

        var wire = await RunAsync(raw, invitation: null, "apples, I think", "I do not know.");

        Assert.Contains("\"text\":\"Apples grow on trees.\"", wire, StringComparison.Ordinal);
        Assert.Contains("\"study\":\"Pears ripen after picking.\"", wire, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts an interview of alpha-one (an invitation's, or a practice one), answers it and its follow-up, and returns
    /// every message the candidate received, as raw JSON.
    /// </summary>
    private static async Task<string> RunAsync(RawHubConnection raw, string? invitation, string answer, string followUpAnswer)
    {
        object start = invitation is null ? new { questionCount = 1, categories = new[] { "alpha" }, seed = 2 } : new { invitation };
        await raw.InvokeAsync("StartInterview", start);
        var received = new List<JsonElement>();
        var session = await ReceiveUntilAsync(raw, received, "Question");
        var sessionId = session.GetProperty("arguments")[0].GetProperty("sessionId").GetString();
        Assert.Equal("alpha-one", session.GetProperty("arguments")[0].GetProperty("questionId").GetString());
        await raw.InvokeAsync("SubmitAnswer", new { sessionId, answerId = "a-1", text = answer });
        await ReceiveUntilAsync(raw, received, "Question");
        await raw.InvokeAsync("SubmitAnswer", new { sessionId, answerId = "a-2", text = followUpAnswer });
        await ReceiveUntilAsync(raw, received, "Completed");
        return string.Join('\n', received.Select(m => m.GetRawText()));
    }

    private static async Task<JsonElement> ReceiveUntilAsync(RawHubConnection raw, List<JsonElement> received, string target)
    {
        while (true)
        {
            var message = await raw.ReceiveAsync();
            received.Add(message);
            if (RawHubConnection.Describe(message) == target)
            {
                return message;
            }
        }
    }
}
