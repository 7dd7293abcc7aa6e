using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Telemetry;

/// <summary>README's telemetry: the documented instruments are on <c>/metrics</c> in Prometheus format once they have values.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_ExposeTheDocumentedInstruments()
    {
        // An LLM that cannot be reached (nothing listens on port 9) makes the grade fall back to keyword: degraded.
        await using var app = LiveApps.Create(new Dictionary<string, string?>
        {
            ["Interviewer:Llm:Provider"] = "OpenAI",
            ["Interviewer:Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Interviewer:Llm:Model"] = "unreachable",
            ["Interviewer:Llm:MaxRetries"] = "0",
            ["Interviewer:Limits:PracticeGraders:0"] = "keyword",
            ["Interviewer:Limits:PracticeGraders:1"] = "llm",
        });
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 8, Grader: "llm"));
        await client.NextQuestionAsync();
        var (_, graded) = await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
        Assert.True(graded.Grade!.Degraded);
        await client.NextQuestionAsync();
        await client.SkipAsync(started.SessionId);
        await client.NextCompletedAsync();
        var code = await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "after-the-end", "too late"));
        Assert.Equal("conflict", code);

        // Counts are at least 1, not exactly 1: OpenTelemetry listens to every meter named Interviewer in the process,
        // and other test apps run beside this one.
        using var http = app.CreateReviewerClient();
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Matches(@"(?m)^interviewer_grading_duration_milliseconds_count\{.*grader=""[a-z]+"".*\} [1-9]\d*\b", metrics);
        Assert.Matches(@"(?m)^interviewer_turns_total\{.*outcome=""answered"".*\} [1-9]\d*\b", metrics);
        Assert.Matches(@"(?m)^interviewer_turns_total\{.*outcome=""skipped"".*\} [1-9]\d*\b", metrics);
        Assert.Matches(@"(?m)^interviewer_grades_degraded_total\{.*grader=""[a-z]+"".*\} [1-9]\d*\b", metrics);
        Assert.Matches(@"(?m)^interviewer_hub_rejected_total\{.*code=""conflict"".*\} [1-9]\d*\b", metrics);
        Assert.Matches(@"(?m)^interviewer_sessions_active(\{.*\})? \d+", metrics);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_bucket\{", metrics);
    }
}
