using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Interviewer.Api.Tests.Interviews;

public abstract partial class InterviewHubTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public async Task SubmitAnswer_WithEmptyText_IsRejected(string? text)
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "a-1", text));

        Assert.Equal("invalid_input", code);
        await AssertNothingAnsweredAsync(app, started.SessionId);
    }

    [Fact]
    public async Task SubmitAnswer_OverTheLengthLimit_IsRejectedAndChangesNothing()
    {
        await using var app = App(new Dictionary<string, string?> { ["Interviewer:Limits:MaxAnswerLength"] = "40" });
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        var ex = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.SubmitAsync(started.SessionId, "a-1", new string('x', 41)));
        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "a-1", new string('x', 41)));
        var ack = await client.SubmitAsync(started.SessionId, "a-1", new string('y', 40));

        Assert.Equal("invalid_input", code);
        Assert.Contains("HubException: invalid_input: the answer is 41 characters; the limit is 40", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ack.Turn);
    }

    [Fact]
    public async Task SubmitAnswer_LargerThanSignalRsDefaultMessage_GetsTheLengthErrorAndTheConnectionStays()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1));

        // 25,000 accented characters are about 50 KB of JSON: over SignalR's 32 KB default, and over the 20,000-character limit.
        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "a-1", new string('é', 25_000)));
        var ack = await client.SubmitAsync(started.SessionId, "a-1", "apples and pears");

        Assert.Equal("invalid_input", code);
        Assert.Equal(1, ack.Turn);
    }

    [Fact]
    public async Task SubmitAnswer_ToAnUnknownSession_IsNotFound()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);

        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync("no-such-session", "a-1", "apples"));

        Assert.Equal("not_found", code);
    }

    [Fact]
    public async Task ResumeInterview_WithAnUnknownSession_IsNotFound()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);

        var code = await HubTestClient.ErrorCodeAsync(() => client.ResumeAsync("no-such-session", "token"));

        Assert.Equal("not_found", code);
    }

    [Fact]
    public async Task ResumeInterview_WithAWrongToken_IsForbiddenAndGrantsNothing()
    {
        await using var app = App();
        await using var owner = await HubTestClient.ConnectAsync(app);
        var started = await owner.StartAsync(new StartInterviewRequest(QuestionCount: 1));
        await using var intruder = await HubTestClient.ConnectAsync(app);

        var resume = await HubTestClient.ErrorCodeAsync(() => intruder.ResumeAsync(started.SessionId, new string('0', 64)));
        var submit = await HubTestClient.ErrorCodeAsync(() => intruder.SubmitAsync(started.SessionId, "a-1", "apples"));
        var skip = await HubTestClient.ErrorCodeAsync(() => intruder.SkipAsync(started.SessionId));
        var end = await HubTestClient.ErrorCodeAsync(() => intruder.EndAsync(started.SessionId));

        Assert.Equal(["forbidden", "forbidden", "forbidden", "forbidden"], new[] { resume, submit, skip, end });
        await AssertNothingAnsweredAsync(app, started.SessionId);
    }

    [Fact]
    public async Task SubmitAnswer_WithAReusedAnswerIdAndDifferentText_IsAConflict()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 4));
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "a-1");

        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "a-1", "something else"));

        Assert.Equal("conflict", code);
    }

    [Fact]
    public async Task SubmitAnswer_AfterTheInterviewEnded_IsAConflict()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2));
        await client.EndAsync(started.SessionId);

        var submit = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "a-1", "apples"));
        var skip = await HubTestClient.ErrorCodeAsync(() => client.SkipAsync(started.SessionId));

        Assert.Equal("conflict", submit);
        Assert.Equal("conflict", skip);
    }

    [Theory]
    [InlineData("{\"grader\":\"nope\"}")]
    [InlineData("{\"categories\":[\"gamma\"]}")]
    [InlineData("{\"questionCount\":0}")]
    [InlineData("{\"questionCount\":500}")]
    public async Task StartInterview_WithBadSettings_IsInvalidInput(string json)
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var request = JsonSerializer.Deserialize<StartInterviewRequest>(json, Rubrics.InterviewerJson.Options)!;

        var code = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(request));

        Assert.Equal("invalid_input", code);
        using var reviewer = app.CreateReviewerClient();
        Assert.Empty((await reviewer.GetFromJsonAsync<JsonElement>("/api/sessions")).EnumerateArray());
    }

    [Fact]
    public async Task HubCalls_OverTheLimitPerMinute_AreRateLimitedUntilTheMinutePasses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var app = App(
            new Dictionary<string, string?> { ["Interviewer:Limits:HubMessagesPerMinute"] = "3" },
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 3));
        await client.NextQuestionAsync();
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        await client.NextQuestionAsync();
        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        await client.NextQuestionAsync();

        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "a-3", LiveApps.CompleteAnswer));
        var limited = await HubTestClient.ErrorCodeAsync(() => client.SkipAsync(started.SessionId));
        time.Advance(TimeSpan.FromMinutes(1));
        var ack = await client.SubmitAsync(started.SessionId, "a-3", LiveApps.CompleteAnswer);

        Assert.Equal("rate_limited", code);
        Assert.Equal("rate_limited", limited);
        Assert.Equal(3, ack.Turn);
    }

    private static async Task AssertNothingAnsweredAsync(Infrastructure.InterviewerApp app, string sessionId)
    {
        using var reviewer = app.CreateReviewerClient();
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");
        var turn = Assert.Single(detail.GetProperty("transcript").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, turn.GetProperty("answer").ValueKind);
        Assert.False(turn.GetProperty("skipped").GetBoolean());
        Assert.Equal("active", detail.GetProperty("status").GetString());
    }
}
