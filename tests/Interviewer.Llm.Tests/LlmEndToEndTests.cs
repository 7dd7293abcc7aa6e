using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.DependencyInjection;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

/// <summary>
/// The LLM grader as the hosts build it (<see cref="GradingServiceCollectionExtensions.AddInterviewerGraders"/>), through the real
/// Semantic Kernel OpenAI and Azure OpenAI connectors, against a scripted server on 127.0.0.1. Polly's clock is fake: no test sleeps.
/// </summary>
public sealed class LlmEndToEndTests : IAsyncLifetime
{
    private ScriptedOpenAiServer _server = null!;
    private readonly ObservedTimeProvider _time = new();
    private readonly List<ServiceProvider> _providers = [];

    public async Task InitializeAsync() => _server = await ScriptedOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private GraderRegistry Graders(TimeProvider? time = null, params (string Key, string Value)[] settings)
    {
        var provider = ScriptedGraders.Create(_server, time ?? _time, settings);
        _providers.Add(provider);
        return provider.GetRequiredService<GraderRegistry>();
    }

    private IAnswerGrader Llm(params (string Key, string Value)[] settings) => Graders(null, settings).Get(GraderNames.Llm);

    [Fact]
    public async Task GradeAsync_WithAGoodVerdict_GradesThroughTheOpenAiConnector()
    {
        _server.Enqueue(ScriptedReply.Completion(AllCovered()));

        var grade = await Llm().GradeAsync(Request(GoodAnswer));

        Assert.False(grade.Degraded);
        Assert.Equal(100, grade.Score);
        Assert.Equal("scripted-model", grade.Model);
        Assert.Equal(LlmPrompt.Hash, grade.PromptHash);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer test-key", request.Authorization);
        var json = request.Json;
        Assert.Equal("scripted-model", json.GetProperty("model").GetString());
        Assert.Equal(0, json.GetProperty("temperature").GetDouble());
        var format = json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        var messages = json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var nonce = LlmPrompt.NonceFor(GoodAnswer);
        Assert.Contains($"<<<ANSWER {nonce}>>>\n{GoodAnswer}\n<<<END ANSWER {nonce}>>>", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retry-After", "2", 2000)]
    [InlineData("retry-after-ms", "750", 750)]
    public async Task GradeAsync_With429AndRetryAfter_WaitsThatLongThenSucceeds(string header, string value, int waitMs)
    {
        _server.Enqueue(ScriptedReply.Error(429, (header, value)), ScriptedReply.Completion(AllCovered()));
        var grading = Llm(("Interviewer:Llm:RetryBaseDelay", "00:00:05")).GradeAsync(Request(GoodAnswer)).AsTask();

        await _time.WaitForTimerAsync(TimeSpan.FromMilliseconds(waitMs));
        Assert.Single(_server.Requests);
        _time.Advance(TimeSpan.FromMilliseconds(waitMs));
        var grade = await grading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(grade.Degraded);
        Assert.Equal(100, grade.Score);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GradeAsync_With500sUntilTheBreakerOpens_FallsBackToTheKeywordGrade()
    {
        _server.Enqueue(ScriptedReply.Error(500), ScriptedReply.Error(500), ScriptedReply.Error(500));
        var llm = Llm(("Interviewer:Llm:MaxRetries", "2"), ("Interviewer:Llm:BreakerMinimumThroughput", "3"), ("Interviewer:Llm:BreakerBreakDuration", "00:00:30"));

        var failing = await llm.GradeAsync(Request(GoodAnswer));
        var open = await llm.GradeAsync(Request(GoodAnswer));

        Assert.True(failing.Degraded);
        Assert.Equal(DegradedReasons.ServerError, failing.DegradedReason);
        Assert.True(open.Degraded);
        Assert.Equal(DegradedReasons.CircuitOpen, open.DegradedReason);
        Assert.Equal(GraderNames.Keyword, open.Grader);
        Assert.Equal(new Rubrics.Grading.Keyword.KeywordGrader().Grade(Request(GoodAnswer)).Score, open.Score);
        // Three attempts, then none while the circuit is open: the SDK retried nothing by itself.
        Assert.Equal(3, _server.Requests.Count);

        _time.Advance(TimeSpan.FromSeconds(30));
        _server.Enqueue(ScriptedReply.Completion(AllCovered()));
        var recovered = await llm.GradeAsync(Request(GoodAnswer));

        Assert.False(recovered.Degraded);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task GradeAsync_WithAReplySlowerThanTheAttemptTimeout_AbandonsItAndRetries()
    {
        var never = new TaskCompletionSource();
        _server.Enqueue(ScriptedReply.Completion(AllCovered(), gate: never.Task), ScriptedReply.Completion(AllCovered()));
        var grading = Llm(("Interviewer:Llm:AttemptTimeout", "00:00:05"), ("Interviewer:Llm:MaxRetries", "1")).GradeAsync(Request(GoodAnswer)).AsTask();

        await _server.WaitForRequestsAsync(1);
        _time.Advance(TimeSpan.FromSeconds(5));
        var grade = await grading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(grade.Degraded);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GradeAsync_WithAReplySlowerThanARealAttemptTimeout_Degrades()
    {
        var never = new TaskCompletionSource();
        _server.Enqueue(ScriptedReply.Completion(AllCovered(), gate: never.Task));
        var llm = Graders(TimeProvider.System, ("Interviewer:Llm:AttemptTimeout", "00:00:00.200"), ("Interviewer:Llm:MaxRetries", "0")).Get(GraderNames.Llm);

        var grade = await llm.GradeAsync(Request(GoodAnswer)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.Timeout, grade.DegradedReason);
        // No retry. On a cold or busy machine the real 200 ms can run out before the request even reaches the server.
        Assert.InRange(_server.Requests.Count, 0, 1);
    }

    [Fact]
    public async Task GradeAsync_WithMalformedJsonTwice_RepairsOnceThenFallsBack()
    {
        _server.Enqueue(ScriptedReply.Completion("Sure! The answer is great."), ScriptedReply.Completion("{\"key_points\": oops"));

        var grade = await Llm().GradeAsync(Request(GoodAnswer));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.InvalidVerdict, grade.DegradedReason);
        Assert.Equal(2, _server.Requests.Count);
        var repair = _server.Requests[1].Json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "user"], repair.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Sure! The answer is great.", repair[2].GetProperty("content").GetString());
        Assert.Contains("not valid JSON", repair[3].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GradeAsync_WithInventedQuotes_DowngradesThemToMissing()
    {
        _server.Enqueue(ScriptedReply.Completion(Verdict(
            (Definition, "covered", "el rendimiento se degrada porque los datos de producción se desvían de los de entrenamiento"),
            (Monitoring, "covered", "uso Prometheus y Grafana para vigilar el modelo"),
            (Retraining, "covered", RetrainingQuote))));

        var grade = await Llm().GradeAsync(Request(GoodAnswer));

        Assert.False(grade.Degraded);
        Assert.Equal(KeyPointStatus.Missing, Point(grade, Definition).Status);
        Assert.Equal(KeyPointStatus.Missing, Point(grade, Monitoring).Status);
        Assert.Equal(KeyPointStatus.Covered, Point(grade, Retraining).Status);
        Assert.Contains(GradeFlags.UnverifiedEvidence, grade.Flags);
        Assert.Equal(25, grade.Score);
    }

    [Fact]
    public async Task GradeAsync_WithAVerdictMissingAKeyPoint_AsksOnceMoreAndUsesTheRepair()
    {
        _server.Enqueue(
            ScriptedReply.Completion(Verdict((Definition, "covered", DefinitionQuote), (Monitoring, "covered", MonitoringQuote))),
            ScriptedReply.Completion(AllCovered()));

        var grade = await Llm().GradeAsync(Request(GoodAnswer));

        Assert.False(grade.Degraded);
        Assert.Equal(100, grade.Score);
        Assert.Equal(2, _server.Requests.Count);
        var last = _server.Requests[1].Json.GetProperty("messages").EnumerateArray().Last();
        Assert.Contains($"key point '{Retraining}' is missing", last.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, DegradedReasons.ServerError)]
    [InlineData(401, DegradedReasons.Rejected)]
    [InlineData(400, DegradedReasons.Rejected)]
    public async Task GradeAsync_WithRetriesOff_SendsExactlyOneRequest(int status, string reason)
    {
        _server.Enqueue(ScriptedReply.Error(status));

        var grade = await Llm(("Interviewer:Llm:MaxRetries", "0")).GradeAsync(Request(GoodAnswer));

        Assert.Equal(reason, grade.DegradedReason);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GradeAsync_With401AndRetriesOn_DoesNotRetry()
    {
        _server.Enqueue(ScriptedReply.Error(401), ScriptedReply.Completion(AllCovered()));

        var grade = await Llm(("Interviewer:Llm:MaxRetries", "3")).GradeAsync(Request(GoodAnswer));

        Assert.Equal(DegradedReasons.Rejected, grade.DegradedReason);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GradeAsync_WithTheServerDown_DegradesAsUnreachable()
    {
        var address = _server.OpenAiEndpoint;
        await _server.DisposeAsync();
        _server = await ScriptedOpenAiServer.StartAsync();

        var grade = await Llm(("Interviewer:Llm:Endpoint", address), ("Interviewer:Llm:MaxRetries", "0")).GradeAsync(Request(GoodAnswer));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.Unreachable, grade.DegradedReason);
    }

    [Fact]
    public async Task GradeAsync_WithAzureOpenAi_CallsTheDeploymentWithTheApiKeyAndNoSdkRetries()
    {
        _server.Enqueue(ScriptedReply.Error(503), ScriptedReply.Completion(AllCovered()));
        var llm = Graders(null,
            ("Interviewer:Llm:Provider", "AzureOpenAI"),
            ("Interviewer:Llm:Endpoint", _server.BaseAddress.ToString()),
            ("Interviewer:Llm:Deployment", "grader-deployment"),
            ("Interviewer:Llm:Model", ""),
            ("Interviewer:Llm:ApiKey", "azure-key"),
            ("Interviewer:Llm:MaxRetries", "1")).Get(GraderNames.Llm);

        var grade = await llm.GradeAsync(Request(GoodAnswer));

        Assert.False(grade.Degraded);
        Assert.Equal("grader-deployment", grade.Model);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("/openai/deployments/grader-deployment/chat/completions", r.Path);
            Assert.Equal("azure-key", r.ApiKey);
        });
        Assert.Equal("json_schema", _server.Requests[1].Json.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public async Task GradeAsync_InDualMode_ReturnsBothGradesAndFlagsADisagreement()
    {
        _server.Enqueue(ScriptedReply.Completion(Verdict(
            (Definition, "covered", DefinitionQuote), (Monitoring, "missing", ""), (Retraining, "missing", ""))));

        var grade = await Graders().Get(GraderNames.Dual).GradeAsync(Request(GoodAnswer));

        Assert.Equal(GraderNames.Dual, grade.Grader);
        Assert.Equal(50, grade.Score);
        Assert.NotNull(grade.KeywordGrade);
        Assert.True(grade.Disagreement);
    }
}
