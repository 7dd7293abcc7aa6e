using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interviewer.Api.Tests.Interviews;

public abstract partial class InterviewHubTests
{
    [Fact]
    public async Task ResumeInterview_FromABrandNewConnection_RedrawsTheChatAndCarriesOn()
    {
        await using var app = App();
        var first = await HubTestClient.ConnectAsync(app);
        var started = await first.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 8));
        var q1 = await first.NextQuestionAsync();
        var (ack, graded) = await first.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");
        var q2 = await first.NextQuestionAsync();
        await first.DisposeAsync();

        await using var second = await HubTestClient.ConnectAsync(app);
        var resumed = await second.ResumeAsync(started.SessionId, started.ResumeToken);

        Assert.Equal("active", resumed.Status);
        Assert.Equal(q2, resumed.CurrentQuestion);
        Assert.Null(resumed.Summary);
        Assert.Equal(2, resumed.Transcript.Count);
        var turn1 = resumed.Transcript[0];
        Assert.Equal(1, turn1.Turn);
        Assert.Equal(q1, turn1.Question);
        Assert.Equal("a-1", turn1.Answer!.AnswerId);
        Assert.Equal(LiveApps.CompleteAnswer, turn1.Answer.Text);
        Assert.Equal(graded.Grade!.Score, turn1.Grade!.Grade!.Score);
        Assert.Null(resumed.Transcript[1].Answer);

        var (ack2, _) = await second.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        var completed = await second.NextCompletedAsync();
        Assert.Equal(ack.Turn + 1, ack2.Turn);
        Assert.Equal("completed", completed.Status);
    }

    [Fact]
    public async Task ServerRestart_MidInterview_LosesNothingAcknowledgedAndTheCandidateResumes()
    {
        TestStore store;
        InterviewStarted started;
        QuestionMessage current;
        await using (var app = App())
        {
            store = app.Store;
            await using var client = await HubTestClient.ConnectAsync(app);
            started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 21));
            await client.NextQuestionAsync();
            await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");
            await client.NextQuestionAsync();
            await client.SkipAsync(started.SessionId);
            current = await client.NextQuestionAsync();
        }

        await using var restarted = App(store: store);
        await using var again = await HubTestClient.ConnectAsync(restarted);
        var resumed = await again.ResumeAsync(started.SessionId, started.ResumeToken);

        Assert.Equal(current, resumed.CurrentQuestion);
        Assert.Equal(3, resumed.Transcript.Count);
        Assert.Equal("a-1", resumed.Transcript[0].Answer!.AnswerId);
        Assert.NotNull(resumed.Transcript[0].Grade);
        Assert.True(resumed.Transcript[1].Skipped);
        var (ack, _) = await again.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        Assert.Equal(3, ack.Turn);
        var completed = await again.NextCompletedAsync();
        Assert.Equal(3, completed.Questions.Count);
    }

    [Fact]
    public async Task ServerStoppedWithoutWarning_AfterAnAnswerWasAcknowledged_TheRestartGradesItAndTheCandidateCarriesOn()
    {
        var gate = new HangingGrader();
        TestStore store;
        InterviewStarted started;
        await using (var app = App(ShortLease, StoppingAtOnce(gate)))
        {
            store = app.Store;
            await using var client = await HubTestClient.ConnectAsync(app);
            started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 13));
            await client.NextQuestionAsync();
            var ack = await client.SubmitAsync(started.SessionId, "a-1", LiveApps.CompleteAnswer);
            Assert.Equal(1, ack.Turn);
            await gate.Called.Task.WaitAsync(HubTestClient.Timeout);
        }

        await using var restarted = App(ShortLease, store: store);
        await using var again = await HubTestClient.ConnectAsync(restarted);
        var resumed = await again.ResumeAsync(started.SessionId, started.ResumeToken);
        // Graded at start (SQLite: the previous run's claims are taken at once) or once the claim expires (shared store).
        var score = resumed.Transcript[0].Grade?.QuestionScore ?? (await again.NextGradedAsync()).QuestionScore;

        Assert.Equal("a-1", resumed.Transcript[0].Answer!.AnswerId);
        Assert.Equal(100, score);
        var resubmitted = await again.SubmitAsync(started.SessionId, "a-1", LiveApps.CompleteAnswer);
        Assert.Equal(1, resubmitted.Turn);
        Assert.Equal(1, await store.CountAsync("""SELECT COUNT(*) FROM grades WHERE "SessionId" = @id""", ("id", started.SessionId)));
    }

    private static readonly Dictionary<string, string?> ShortLease = new() { ["Interviewer:Interviews:GradingLease"] = "00:00:01" };

    /// <summary>The grader never returns, and the host stops without waiting for it: as if the process were killed.</summary>
    private static Action<IServiceCollection> StoppingAtOnce(IAnswerGrader grader) => s =>
    {
        s.Replace(ServiceDescriptor.Singleton(new GraderRegistry([grader])));
        s.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
    };

    [Fact]
    public async Task ResumeInterview_OfACompletedInterview_ReturnsTheSummaryAndNoQuestion()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Seed: 1));
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        var completed = await client.NextCompletedAsync();

        await using var other = await HubTestClient.ConnectAsync(app);
        var resumed = await other.ResumeAsync(started.SessionId, started.ResumeToken);

        Assert.Equal("completed", resumed.Status);
        Assert.Null(resumed.CurrentQuestion);
        Assert.Equal(completed.OverallScore, resumed.Summary!.OverallScore);
    }
}
