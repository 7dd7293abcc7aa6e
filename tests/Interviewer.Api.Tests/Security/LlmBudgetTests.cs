using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Invitations;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;

namespace Interviewer.Api.Tests.Security;

/// <summary>The LLM budget per client address (<c>Interviewer:Limits:LlmGradesPerHour</c>), with the llm grader calling a scripted model.</summary>
public sealed class LlmBudgetTests
{
    private const string FirstAddress = "203.0.113.7";
    private const string SecondAddress = "198.51.100.9";

    private static readonly string Verdict = JsonSerializer.Serialize(new
    {
        key_points = new[]
        {
            new { id = "beta-one-bananas", status = "covered", quote = "bananas" },
            new { id = "beta-one-grapes", status = "covered", quote = "grapes" },
        },
        follow_up = (string?)null,
        feedback = "Both covered.",
    });

    [Fact]
    public async Task LlmGrades_PastTheBudget_AreRefusedForThatAddressOnly_AndKeywordGradingGoesOn()
    {
        // Two LLM grades from the first address, one from the second.
        await using var model = await ModelAsync(grades: 3);
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>(model.Settings())
        {
            ["Interviewer:Limits:LlmGradesPerHour"] = "2",
            ["Interviewer:Limits:PracticeGraders:0"] = "keyword",
            ["Interviewer:Limits:PracticeGraders:1"] = "llm",
            ["Interviewer:Security:KnownProxies:0"] = "127.0.0.0/8",
        };
        await using var app = LiveApps.Create(settings, services: logs.AddTo);
        await using var first = await HubTestClient.ConnectAsync(app.BaseAddress, FirstAddress);

        var graded = new List<GradedMessage>();
        for (var i = 0; i < 2; i++)
        {
            graded.Add(await AnswerAsync(first, "llm"));
        }
        var refused = await AnswerRefusedAsync(first, "llm");
        var keyword = await AnswerAsync(first, "keyword");
        await using var reconnected = await HubTestClient.ConnectAsync(app.BaseAddress, FirstAddress);
        var refusedAfterReconnect = await AnswerRefusedAsync(reconnected, "llm");
        await using var second = await HubTestClient.ConnectAsync(app.BaseAddress, SecondAddress);
        var otherAddress = await AnswerAsync(second, "llm");

        Assert.All(graded, g => Assert.Equal(("llm", false, 100.0), (g.Grade!.Grader, g.Grade.Degraded, g.Grade.Score)));
        Assert.StartsWith("rate_limited: more than 2 LLM-graded answers per hour from this address (Interviewer:Limits:LlmGradesPerHour); retry in ",
            refused, StringComparison.Ordinal);
        Assert.EndsWith(" s", refused, StringComparison.Ordinal);
        Assert.StartsWith("rate_limited: more than 2 LLM-graded answers per hour", refusedAfterReconnect, StringComparison.Ordinal);
        Assert.Equal(("keyword", 100.0), (keyword.Grade!.Grader, keyword.Grade.Score));
        Assert.Equal(("llm", false), (otherAddress.Grade!.Grader, otherAddress.Grade.Degraded));
        Assert.Equal(3, model.Requests.Count);
        var logged = Assert.Single(logs.Entries, e => e.Text.Contains("LlmGradesPerHour", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, logged.Level);
    }

    [Fact]
    public async Task LlmGrades_InAssessments_DoNotCountAgainstTheAddressBudget()
    {
        // Three assessments and one practice answer.
        await using var model = await ModelAsync(grades: 4);
        var settings = new Dictionary<string, string?>(model.Settings())
        {
            ["Interviewer:Limits:LlmGradesPerHour"] = "1",
            ["Interviewer:Limits:PracticeGraders:0"] = "keyword",
            ["Interviewer:Limits:PracticeGraders:1"] = "llm",
            ["Interviewer:Security:KnownProxies:0"] = "127.0.0.0/8",
        };
        await using var app = LiveApps.Create(settings);
        await using var classroom = await HubTestClient.ConnectAsync(app.BaseAddress, FirstAddress);

        // Three candidates behind one address sit an LLM-graded assessment each, then one practises with the LLM.
        var assessed = new List<GradedMessage>();
        for (var i = 0; i < 3; i++)
        {
            var invitation = await Invitations.Invitations.CreateAsync(app, new CreateInvitationRequest(QuestionIds: ["beta-one"], Grader: "llm", Feedback: "full"));
            var started = await classroom.StartAsync(new StartInterviewRequest(Invitation: invitation.Token));
            await classroom.NextQuestionAsync();
            var (_, graded) = await classroom.AnswerAsync(started.SessionId, "bananas and grapes");
            await classroom.NextCompletedAsync();
            assessed.Add(graded);
        }
        var practice = await AnswerAsync(classroom, "llm");
        var refused = await AnswerRefusedAsync(classroom, "llm");

        Assert.All(assessed, g => Assert.Equal(("llm", false, 100.0), (g.Grade!.Grader, g.Grade.Degraded, g.Grade.Score)));
        Assert.Equal(("llm", false), (practice.Grade!.Grader, practice.Grade.Degraded));
        Assert.StartsWith("rate_limited: more than 1 LLM-graded answers per hour from this address", refused, StringComparison.Ordinal);
        Assert.Equal(4, model.Requests.Count);
    }

    [Fact]
    public async Task LlmGrades_OfAPracticeResumedOnAnotherInstance_CountAgainstTheBudgetThere()
    {
        // One LLM grade, on the second instance.
        await using var model = await ModelAsync(grades: 1);
        var settings = new Dictionary<string, string?>(model.Settings())
        {
            ["Interviewer:Limits:LlmGradesPerHour"] = "1",
            ["Interviewer:Limits:PracticeGraders:0"] = "keyword",
            ["Interviewer:Limits:PracticeGraders:1"] = "llm",
            ["Interviewer:Security:KnownProxies:0"] = "127.0.0.0/8",
        };
        await using var starting = LiveApps.Create(settings);
        await using var other = LiveApps.Create(settings, store: starting.Store);
        await using var first = await HubTestClient.ConnectAsync(starting.BaseAddress, FirstAddress);
        var started = await first.StartAsync(new StartInterviewRequest(Grader: "llm", QuestionIds: ["beta-one", "alpha-one"]));
        await first.NextQuestionAsync();

        await using var second = await HubTestClient.ConnectAsync(other.BaseAddress, FirstAddress);
        await second.ResumeAsync(started.SessionId, started.ResumeToken);
        var (_, graded) = await second.AnswerAsync(started.SessionId, "bananas and grapes");
        await second.NextQuestionAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => second.SubmitAsync(started.SessionId, "a-2", "apples and pears"));

        Assert.Equal(("llm", false, 100.0), (graded.Grade!.Grader, graded.Grade.Degraded, graded.Grade.Score));
        Assert.Contains("rate_limited: more than 1 LLM-graded answers per hour from this address (Interviewer:Limits:LlmGradesPerHour)", refused.Message, StringComparison.Ordinal);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task LlmGrades_OfAPracticeLeftIdlePastTheInProgressTimeout_StillCountAgainstTheBudget()
    {
        // One LLM grade, the first answer's; a second verdict is there so that a missed count fails the test rather than waits on retries.
        await using var model = await ModelAsync(grades: 2);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>(model.Settings())
        {
            ["Interviewer:Limits:LlmGradesPerHour"] = "1",
            ["Interviewer:Limits:ActiveSessionIdleMinutes"] = "30",
            ["Interviewer:Limits:PracticeGraders:0"] = "keyword",
            ["Interviewer:Limits:PracticeGraders:1"] = "llm",
            ["Interviewer:Security:KnownProxies:0"] = "127.0.0.0/8",
        };
        await using var app = LiveApps.Create(settings, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        await using var client = await HubTestClient.ConnectAsync(app.BaseAddress, FirstAddress);
        var started = await client.StartAsync(new StartInterviewRequest(Grader: "llm", QuestionIds: ["beta-one", "alpha-one"]));
        await client.NextQuestionAsync();
        var (_, graded) = await client.AnswerAsync(started.SessionId, "bananas and grapes");
        await client.NextQuestionAsync();

        // 31 minutes later another start from the address walks the interviews in progress and drops the idle one.
        time.Advance(TimeSpan.FromMinutes(31));
        await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        await client.NextQuestionAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => client.SubmitAsync(started.SessionId, "a-2", "apples and pears"));

        Assert.Equal(("llm", false, 100.0), (graded.Grade!.Grader, graded.Grade.Degraded, graded.Grade.Score));
        Assert.Contains("rate_limited: more than 1 LLM-graded answers per hour from this address (Interviewer:Limits:LlmGradesPerHour)", refused.Message, StringComparison.Ordinal);
        Assert.Single(model.Requests);
    }

    /// <summary>A scripted model with the verdict for each of <paramref name="grades"/> LLM grades; a call beyond them gets a 500.</summary>
    private static async Task<ScriptedOpenAiServer> ModelAsync(int grades) =>
        (await ScriptedOpenAiServer.StartAsync()).Enqueue([.. Enumerable.Repeat(ScriptedReply.Completion(Verdict), grades)]);

    private static async Task<GradedMessage> AnswerAsync(HubTestClient client, string grader)
    {
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"], Grader: grader));
        await client.NextQuestionAsync();
        var (_, graded) = await client.AnswerAsync(started.SessionId, "bananas and grapes");
        await client.NextCompletedAsync();
        return graded;
    }

    /// <summary>Starts an interview and answers it; returns the refusal's text (the HubException's message after its prefix).</summary>
    private static async Task<string> AnswerRefusedAsync(HubTestClient client, string grader)
    {
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"], Grader: grader));
        await client.NextQuestionAsync();
        var e = await Assert.ThrowsAsync<HubException>(() => client.SubmitAsync(started.SessionId, "a-1", "bananas and grapes"));
        return e.Message[(e.Message.IndexOf("HubException: ", StringComparison.Ordinal) + 14)..];
    }
}
