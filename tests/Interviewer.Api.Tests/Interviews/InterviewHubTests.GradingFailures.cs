using Interviewer.Api.Interviews;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>A grade that fails after the acknowledgement never leaves the session stuck.</summary>
public abstract partial class InterviewHubTests
{
    [Fact]
    public async Task GradeFailingTwice_IsRetriedAndTheCandidateGetsTheGrade()
    {
        var grader = new FlakyGrader(failures: 2);
        await using var app = App(services: s => s.Replace(ServiceDescriptor.Singleton(new GraderRegistry([grader]))));
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 3));
        await client.NextQuestionAsync();

        var (ack, graded) = await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");

        Assert.Equal(1, ack.Turn);
        Assert.Equal("a-1", graded.AnswerId);
        Assert.Equal(3, grader.Calls);
    }

    [Fact]
    public async Task GradeFailingEveryAttempt_GivesACodedErrorAndTheTurnCanBeAnsweredAgain()
    {
        var grader = new FlakyGrader(failures: 3);
        await using var app = App(services: s => s.Replace(ServiceDescriptor.Singleton(new GraderRegistry([grader]))));
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 3));
        var question = await client.NextQuestionAsync();
        await client.SubmitAsync(started.SessionId, "a-1", LiveApps.CompleteAnswer, question.Turn);

        var failed = await client.NextGradeFailedAsync();
        var again = await client.SubmitAsync(started.SessionId, "a-2", LiveApps.CompleteAnswer, question.Turn);
        var graded = await client.NextGradedAsync();

        Assert.StartsWith("unavailable:", failed.Error, StringComparison.Ordinal);
        Assert.Equal(("a-1", 1), (failed.AnswerId, failed.Turn));
        Assert.Equal(1, again.Turn);
        Assert.Equal("a-2", graded.AnswerId);
        Assert.Equal(0, await app.Store.CountAsync("""SELECT COUNT(*) FROM answers WHERE "SessionId" = @id AND "AnswerId" = 'a-1'""", ("id", started.SessionId)));
    }
}
