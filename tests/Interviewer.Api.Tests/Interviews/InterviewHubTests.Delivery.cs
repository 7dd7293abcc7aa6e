using Interviewer.Api.Interviews;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>docs/hub.md's promises about delivery: a call's result comes before its events; events reach every connection.</summary>
public abstract partial class InterviewHubTests
{
    [Fact]
    public async Task Calls_ResultArrivesOnTheWireBeforeTheEventsItCauses()
    {
        await using var app = App();
        await using var raw = await RawHubConnection.ConnectAsync(app);

        var start = await raw.InvokeAsync("StartInterview", new { questionCount = 1, seed = 3 });
        var startResult = await raw.ReceiveAsync();
        var firstQuestion = await raw.ReceiveAsync();
        Assert.Equal(["result:" + start, "Question"], [RawHubConnection.Describe(startResult), RawHubConnection.Describe(firstQuestion)]);
        var sessionId = startResult.GetProperty("result").GetProperty("sessionId").GetString()!;

        var submit = await raw.InvokeAsync("SubmitAnswer", new { sessionId, answerId = "wire-order-1", text = LiveApps.CompleteAnswer });
        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add(RawHubConnection.Describe(await raw.ReceiveAsync()));
        }

        // The only question was answered fully: acknowledgement, grade, then the summary.
        Assert.Equal(["result:" + submit, "Graded", "Completed"], order);
    }

    [Fact]
    public async Task Events_ReachEveryConnectionOfTheSession()
    {
        await using var app = App();
        await using var first = await HubTestClient.ConnectAsync(app);
        await using var second = await HubTestClient.ConnectAsync(app);
        var started = await first.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 7));
        var question = await first.NextQuestionAsync();
        var resumed = await second.ResumeAsync(started.SessionId, started.ResumeToken);
        Assert.Equal(question.QuestionId, resumed.CurrentQuestion!.QuestionId);

        // An answer sent on the first connection is graded on both, and both are asked what comes next.
        var ack = await first.SubmitAsync(started.SessionId, "fan-out-1", LiveApps.CompleteAnswer);
        var gradedOnFirst = await first.NextGradedAsync();
        var gradedOnSecond = await second.NextGradedAsync();
        var nextOnFirst = await first.NextQuestionAsync();
        var nextOnSecond = await second.NextQuestionAsync();

        Assert.Equal(ack.AnswerId, gradedOnFirst.AnswerId);
        Assert.Equal(ack.AnswerId, gradedOnSecond.AnswerId);
        Assert.Equal(gradedOnFirst.Grade!.Score, gradedOnSecond.Grade!.Score);
        Assert.Equal(2, nextOnSecond.Index);
        Assert.Equal(nextOnFirst.QuestionId, nextOnSecond.QuestionId);

        // And the other way round: skipping from the second connection ends the interview on both.
        await second.SkipAsync(started.SessionId);
        var completedOnFirst = await first.NextCompletedAsync();
        var completedOnSecond = await second.NextCompletedAsync();
        Assert.Equal(started.SessionId, completedOnFirst.SessionId);
        Assert.Equal(completedOnFirst.OverallScore, completedOnSecond.OverallScore);
    }
}
