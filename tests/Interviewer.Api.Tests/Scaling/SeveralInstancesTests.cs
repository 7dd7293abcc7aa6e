using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interviewer.Api.Tests.Scaling;

/// <summary>Two instances sharing the test PostgreSQL and Redis, as behind a load balancer.</summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task GradeMadeOnOneInstance_ReachesTheSessionsConnectionsOnTheOther_BothWays()
    {
        var cluster = Cluster.Create();
        await using var a = cluster.Instance();
        await using var b = cluster.Instance();
        await using var onA = await HubTestClient.ConnectAsync(a);
        var started = await onA.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 5));
        var first = await onA.NextQuestionAsync();
        await using var onB = await HubTestClient.ConnectAsync(b);
        var resumed = await onB.ResumeAsync(started.SessionId, started.ResumeToken);
        Assert.Equal(first, resumed.CurrentQuestion);

        await onA.SubmitAsync(started.SessionId, "a-1", LiveApps.CompleteAnswer);
        var gradedOnB = await onB.NextGradedAsync();
        var secondOnB = await onB.NextQuestionAsync();
        await onA.NextGradedAsync();
        Assert.Equal(secondOnB, await onA.NextQuestionAsync());

        await onB.SubmitAsync(started.SessionId, "a-2", LiveApps.CompleteAnswer, secondOnB.Turn);
        var gradedOnA = await onA.NextGradedAsync();

        Assert.Equal("a-1", gradedOnB.AnswerId);
        Assert.Equal(2, secondOnB.Turn);
        Assert.Equal("a-2", gradedOnA.AnswerId);
        Assert.Equal(100, gradedOnA.QuestionScore);
    }

    [Fact]
    public async Task ResumeOnAnotherInstance_AfterTheFirstMovedOn_ReturnsTheCurrentState()
    {
        var cluster = Cluster.Create();
        await using var a = cluster.Instance();
        await using var b = cluster.Instance();
        await using var onA = await HubTestClient.ConnectAsync(a);
        var started = await onA.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 5));
        await onA.NextQuestionAsync();
        await using var onB = await HubTestClient.ConnectAsync(b);
        await onB.ResumeAsync(started.SessionId, started.ResumeToken); // B now holds a copy
        await onA.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");
        var current = await onA.NextQuestionAsync();

        await using var later = await HubTestClient.ConnectAsync(b);
        var resumed = await later.ResumeAsync(started.SessionId, started.ResumeToken);

        Assert.Equal(current, resumed.CurrentQuestion);
        Assert.Equal(100, resumed.Transcript[0].Grade!.QuestionScore);
    }

    [Fact]
    public async Task InstanceStoppedWithoutWarningAfterAcknowledging_LeavesTheAnswerToTheOtherWhichGradesItOnce()
    {
        var cluster = Cluster.Create();
        var hanging = new HangingGrader();
        var lease = new Dictionary<string, string?> { ["Interviewer:Interviews:GradingLease"] = "00:00:01" };
        await using var b = cluster.Instance(lease);
        await using var onB = await HubTestClient.ConnectAsync(b);
        InterviewStarted started;
        await using (var a = cluster.Instance(lease, s =>
        {
            s.Replace(ServiceDescriptor.Singleton(new Rubrics.Grading.GraderRegistry([hanging])));
            s.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        }))
        {
            await using var onA = await HubTestClient.ConnectAsync(a);
            started = await onA.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 5));
            await onB.ResumeAsync(started.SessionId, started.ResumeToken);
            var ack = await onA.SubmitAsync(started.SessionId, "a-1", LiveApps.CompleteAnswer);
            Assert.Equal(1, ack.Turn);
            await hanging.Called.Task.WaitAsync(HubTestClient.Timeout);
        }

        var graded = await onB.NextGradedAsync();
        var next = await onB.NextQuestionAsync();

        Assert.Equal("a-1", graded.AnswerId);
        Assert.Equal(2, next.Turn);
        Assert.Equal(1, await cluster.Store.CountAsync("""SELECT COUNT(*) FROM grades WHERE "SessionId" = @id""", ("id", started.SessionId)));
        Assert.False(onB.HasPendingGraded);
    }

    [Fact]
    public async Task TwoInstancesStartingTogetherOnANewDatabase_BothMigrateItAndStart()
    {
        var cluster = Cluster.Create();

        var started = await Task.WhenAll(Task.Run(() => cluster.Instance()), Task.Run(() => cluster.Instance()));

        await using var a = started[0];
        await using var b = started[1];
        using var onA = a.CreateClient();
        using var onB = b.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await onA.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await onB.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    /// <summary>One PostgreSQL database and one Redis channel prefix, shared by the instances of one test.</summary>
    private sealed class Cluster(TestStore store, string redis)
    {
        public TestStore Store => store;

        public static Cluster Create() =>
            new(TestStore.Create(StoreProvider.Postgres), $"{TestServers.Redis},channelPrefix=t{Guid.NewGuid():N}");

        public InterviewerApp Instance(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
        {
            var all = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }
            return LiveApps.Create(all, services: services, store: store);
        }
    }
}
