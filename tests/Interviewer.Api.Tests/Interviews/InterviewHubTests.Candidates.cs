using Interviewer.Api.Interviews;

namespace Interviewer.Api.Tests.Interviews;

public abstract partial class InterviewHubTests
{
    [Fact]
    public async Task StartInterview_WithoutACandidate_IssuesOne_AndALaterStartWithItsTokenKeepsIt()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);

        var first = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        var second = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, CandidateId: first.CandidateId, CandidateToken: first.CandidateToken));
        var stranger = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        Assert.Matches("^[0-9a-f]{32}$", first.CandidateId);
        Assert.Matches("^[0-9a-f]{64}$", first.CandidateToken);
        Assert.Equal(first.CandidateId, second.CandidateId);
        Assert.Null(second.CandidateToken);
        Assert.NotEqual(first.CandidateId, stranger.CandidateId);
        Assert.NotEqual(first.CandidateToken, stranger.CandidateToken);
        var sessions = await CandidateProgressClient.SessionIdsAsync(app, first.CandidateId!, first.CandidateToken!);
        Assert.Equal([second.SessionId, first.SessionId], sessions);
    }

    [Fact]
    public async Task StartInterview_WithAWrongCandidateToken_IsForbidden_AndAnUnknownCandidateNotFound()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var first = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        var other = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        var wrong = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(CandidateId: first.CandidateId, CandidateToken: other.CandidateToken)));
        var missing = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(CandidateId: first.CandidateId)));
        var unknown = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(CandidateId: "0123456789abcdef0123456789abcdef", CandidateToken: first.CandidateToken)));

        Assert.Equal("forbidden", wrong);
        Assert.Equal("forbidden", missing);
        Assert.Equal("not_found", unknown);
        Assert.Equal([first.SessionId], await CandidateProgressClient.SessionIdsAsync(app, first.CandidateId!, first.CandidateToken!));
    }

    [Fact]
    public async Task StartInterview_WithQuestionIds_AsksExactlyThoseInThatOrder()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);

        var started = await client.StartAsync(new StartInterviewRequest(QuestionIds: ["beta-one", "alpha-two"]));
        var first = await client.NextQuestionAsync();
        var unknown = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(QuestionIds: ["beta-one", "no-such"])));

        Assert.Equal(2, started.TotalQuestions);
        Assert.Equal("beta-one", first.QuestionId);
        Assert.Equal("invalid_input", unknown);
    }
}
