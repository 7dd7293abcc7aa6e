using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Microsoft.Extensions.Logging;

namespace Interviewer.Api.Tests.Security;

public sealed class ClientLimitsTests
{
    [Fact]
    public async Task StartInterview_FloodOverFreshConnections_IsRefusedPastTheLimit_AndTheLogStaysQuiet()
    {
        var logs = new CapturedLogs();
        await using var app = LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Limits:InterviewsPerHour"] = "5" }, services: logs.AddTo);
        var outcomes = new List<string>();

        for (var i = 0; i < 30; i++)
        {
            await using var client = await HubTestClient.ConnectAsync(app); // a new connection every time
            try
            {
                await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));
                // Read the first question before hanging up: SignalR itself logs an error with a stack trace when a
                // client disconnects while it is still writing to it, which is not what this test is about.
                await client.NextQuestionAsync();
                outcomes.Add("started");
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e)
            {
                outcomes.Add(e.Message[(e.Message.IndexOf("HubException: ", StringComparison.Ordinal) + 14)..]);
            }
        }
        await using var other = await HubTestClient.ConnectAsync(app);
        var notFound = await HubTestClient.ErrorCodeAsync(() => other.SubmitAsync("no-such-session", "a-1", "text"));

        Assert.Equal(5, outcomes.Count(o => o == "started"));
        Assert.All(outcomes.Skip(5), o => Assert.StartsWith(
            "rate_limited: more than 5 interviews per hour from this address (Interviewer:Limits:InterviewsPerHour); retry in ", o, StringComparison.Ordinal));
        Assert.Equal("not_found", notFound);
        var refusals = logs.Entries.Where(e => e.Text.Contains("InterviewsPerHour", StringComparison.Ordinal)).ToList();
        var logged = Assert.Single(refusals);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("   at ", StringComparison.Ordinal)); // no stack trace anywhere
    }

    [Fact]
    public async Task HubCalls_CountPerAddress_SoAReconnectDoesNotResetTheLimit()
    {
        await using var app = LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Limits:HubMessagesPerMinute"] = "2" });
        await using (var first = await HubTestClient.ConnectAsync(app))
        {
            await first.StartAsync(new StartInterviewRequest(QuestionCount: 1));
            await first.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        }
        await using var second = await HubTestClient.ConnectAsync(app);

        var code = await HubTestClient.ErrorCodeAsync(() => second.StartAsync(new StartInterviewRequest(QuestionCount: 1)));

        Assert.Equal("rate_limited", code);
    }

    [Fact]
    public async Task ActiveSessions_PerAddress_AreCapped_AndEndingOneFreesAPlace()
    {
        await using var app = LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Limits:ActiveSessionsPerAddress"] = "2" });
        await using var client = await HubTestClient.ConnectAsync(app);
        var one = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        var full = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.StartAsync(new StartInterviewRequest(QuestionCount: 1)));
        await client.EndAsync(one.SessionId);
        var third = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        Assert.Contains("rate_limited: 2 interviews from this address are in progress (Interviewer:Limits:ActiveSessionsPerAddress)", full.Message, StringComparison.Ordinal);
        Assert.NotEqual(one.SessionId, third.SessionId);
    }

    [Fact]
    public async Task ActiveSessions_ResumedOnAnotherInstance_CountThere()
    {
        await using var starting = LiveApps.Create();
        await using var other = LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Limits:ActiveSessionsPerAddress"] = "1" }, store: starting.Store);
        await using var first = await HubTestClient.ConnectAsync(starting);
        var started = await first.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        await using var second = await HubTestClient.ConnectAsync(other);

        var resumed = await second.ResumeAsync(started.SessionId, started.ResumeToken);
        var full = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => second.StartAsync(new StartInterviewRequest(QuestionCount: 1)));

        Assert.Equal("active", resumed.Status);
        Assert.Contains("rate_limited: 1 interviews from this address are in progress (Interviewer:Limits:ActiveSessionsPerAddress)", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActiveSessions_InTotal_AreCapped()
    {
        await using var app = LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Limits:ActiveSessions"] = "1" });
        await using var client = await HubTestClient.ConnectAsync(app);
        await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        var full = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.StartAsync(new StartInterviewRequest(QuestionCount: 1)));

        Assert.Contains("rate_limited: the service has 1 interviews in progress (Interviewer:Limits:ActiveSessions)", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PracticeGraders_RefuseAGraderThatIsNotListed()
    {
        await using var app = LiveApps.Create(new Dictionary<string, string?> { ["Interviewer:Limits:PracticeGraders:0"] = "dual" });
        await using var client = await HubTestClient.ConnectAsync(app);

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Grader: "keyword")));

        Assert.Contains("forbidden: grader 'keyword' is not open to practice interviews; practice graders: dual (Interviewer:Limits:PracticeGraders)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiate_PastTheLimit_Is429ProblemWithRetryAfter()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:ConnectionsPerMinute"] = "3" });
        using var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;

        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await http.PostAsync(new Uri("/hubs/interview/negotiate?negotiateVersion=1", UriKind.Relative), null);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        var retry = last.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry.Value.TotalSeconds, 1, 60);
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("rate_limited: more than 3 hub connections per minute from this address (Interviewer:Limits:ConnectionsPerMinute); retry in ",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task Api_PastTheLimit_Is429ForAnonymousCallers_NotForReviewers()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:ApiRequestsPerMinute"] = "2" });
        using var anonymous = app.CreateClient();
        using var reviewer = app.CreateReviewerClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.GetAsync(new Uri("/api/banks", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }
        using var reviewed = await reviewer.GetAsync(new Uri("/api/banks", UriKind.Relative));
        using var page = await anonymous.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    public async Task ForwardedFor_CountsPerForwardedAddress_OnlyFromAConfiguredProxy(bool proxyConfigured, HttpStatusCode secondClient)
    {
        var settings = new Dictionary<string, string?> { ["Interviewer:Limits:ApiRequestsPerMinute"] = "1" };
        if (proxyConfigured)
        {
            settings["Interviewer:Security:KnownProxies:0"] = "127.0.0.0/8";
        }
        await using var app = new InterviewerApp(settings);
        using var http = app.CreateClient();

        using var first = await SendAsync(http, "203.0.113.7");
        using var second = await SendAsync(http, "198.51.100.9");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(secondClient, second.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/banks", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return http.SendAsync(request);
    }
}
