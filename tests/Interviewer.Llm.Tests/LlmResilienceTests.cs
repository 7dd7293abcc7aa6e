using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

public sealed class LlmResilienceTests
{
    [Fact]
    public void Build_StacksTotalTimeoutLimiterRetryBreakerAttemptTimeout()
    {
        var options = Options(o =>
        {
            o.TotalTimeout = TimeSpan.FromSeconds(50);
            o.AttemptTimeout = TimeSpan.FromSeconds(7);
            o.MaxRetries = 5;
            o.BreakerMinimumThroughput = 9;
        });

        var descriptor = LlmResilience.Build(options, TimeProvider.System).GetPipelineDescriptor();

        Assert.Collection(descriptor.Strategies,
            s => Assert.Equal(TimeSpan.FromSeconds(50), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout),
            s => Assert.IsType<RateLimiterStrategyOptions>(s.Options),
            s =>
            {
                var retry = Assert.IsType<RetryStrategyOptions>(s.Options);
                Assert.Equal(5, retry.MaxRetryAttempts);
                Assert.True(retry.UseJitter);
                Assert.Equal(Polly.DelayBackoffType.Exponential, retry.BackoffType);
            },
            s => Assert.Equal(9, Assert.IsType<CircuitBreakerStrategyOptions>(s.Options).MinimumThroughput),
            s => Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
    }

    [Fact]
    public void Build_WithNoRetries_LeavesTheRetryOut()
    {
        var descriptor = LlmResilience.Build(Options(o => o.MaxRetries = 0), TimeProvider.System).GetPipelineDescriptor();

        Assert.DoesNotContain(descriptor.Strategies, s => s.Options is RetryStrategyOptions);
        Assert.Equal(4, descriptor.Strategies.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void IsTransient_ByStatus(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, LlmResilience.IsTransient(new HttpOperationException(status, null, "x", null)));
    }

    [Fact]
    public void IsTransient_ForNetworkErrorsAndAttemptTimeouts_IsTrue()
    {
        Assert.True(LlmResilience.IsTransient(new HttpOperationException(null, null, "no response", new HttpRequestException())));
        Assert.True(LlmResilience.IsTransient(new HttpRequestException("refused")));
        Assert.True(LlmResilience.IsTransient(new TimeoutRejectedException()));
        Assert.False(LlmResilience.IsTransient(new BrokenCircuitException()));
        Assert.False(LlmResilience.IsTransient(new InvalidOperationException()));
    }

    [Theory]
    [InlineData("retry-after-ms", "1500", 1500)]
    [InlineData("x-ms-retry-after-ms", "250", 250)]
    [InlineData("Retry-After", "3", 3000)]
    public void RetryAfter_ReadsTheHeaders(string header, string value, double milliseconds)
    {
        var exception = Throttled((header, value));

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), LlmResilience.RetryAfter(exception, TimeProvider.System));
    }

    [Fact]
    public void RetryAfter_WithAnHttpDate_IsTheTimeUntilThen()
    {
        var time = new ObservedTimeProvider();
        var exception = Throttled(("Retry-After", time.GetUtcNow().AddSeconds(12).ToString("R")));

        Assert.Equal(TimeSpan.FromSeconds(12), LlmResilience.RetryAfter(exception, time));
    }

    [Fact]
    public void RetryAfter_WithoutTheHeader_IsNull()
    {
        Assert.Null(LlmResilience.RetryAfter(Throttled(), TimeProvider.System));
        Assert.Null(LlmResilience.RetryAfter(new HttpOperationException(HttpStatusCode.TooManyRequests, null, "x", null), TimeProvider.System));
    }

    [Fact]
    public async Task GradeAsync_With429AndRetryAfter_WaitsExactlyThatLongThenRetries()
    {
        var time = new ObservedTimeProvider();
        var chat = new ScriptedChat().Throw(Throttled(("Retry-After", "4"))).Reply(AllCovered());
        var grading = chat.Grader(Options(o => o.RetryBaseDelay = TimeSpan.FromSeconds(1)), time).GradeAsync(Request(GoodAnswer)).AsTask();

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        Assert.Single(chat.Calls);
        time.Advance(TimeSpan.FromSeconds(4));
        var grade = await grading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(grade.Degraded);
        Assert.Equal(2, chat.Calls.Count);
    }

    [Fact]
    public async Task GradeAsync_With429AskingForLongerThanMaxRetryDelay_DegradesWithoutWaiting()
    {
        var chat = new ScriptedChat().Throw(Throttled(("Retry-After", "120")));

        var grade = await chat.Grader(Options(o => o.MaxRetryDelay = TimeSpan.FromSeconds(20))).GradeAsync(Request(GoodAnswer));

        Assert.Single(chat.Calls);
        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.RateLimited, grade.DegradedReason);
    }

    [Fact]
    public async Task GradeAsync_WithoutRetryAfter_WaitsPollysDecorrelatedJitterScheduleCappedAtMaxRetryDelay()
    {
        var time = new ObservedTimeProvider();
        var busy = new HttpOperationException(HttpStatusCode.ServiceUnavailable, null, "busy", null);
        var chat = new ScriptedChat().Throw(busy).Throw(busy).Throw(busy).Reply(AllCovered());
        var draws = new Queue<double>([0.25, 0.75, 0.9]);
        var options = Options(o => { o.MaxRetries = 3; o.RetryBaseDelay = TimeSpan.FromSeconds(2); o.MaxRetryDelay = TimeSpan.FromSeconds(5); });
        var grading = chat.Grader(options, time, () => draws.Dequeue()).GradeAsync(Request(GoodAnswer)).AsTask();

        // Polly's decorrelated jitter V2: wait n = (f(n + r) - f(n - 1 + r')) / 1.4 × base, f(t) = 2^t·tanh(√(4t)), worked by hand
        // for draws 0.25, 0.75, 0.9 and a 2 s base: 1.2938 s, 3.4631 s, then 5.8828 s capped at the 5 s maximum.
        foreach (var (wait, callsBefore) in new[] { (1.2938, 1), (3.4631, 2), (5.0, 3) })
        {
            await time.WaitForTimerAsync(d => Math.Abs(d.TotalSeconds - wait) < 0.001);
            Assert.Equal(callsBefore, chat.Calls.Count);
            time.Advance(TimeSpan.FromSeconds(wait + 0.001));
        }
        var grade = await grading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(grade.Degraded);
        Assert.Equal(4, chat.Calls.Count);
        Assert.Empty(draws);
    }

    [Fact]
    public async Task GradeAsync_WhenTheModelIsSlowerThanTheAttemptTimeout_RetriesThenDegrades()
    {
        var time = new ObservedTimeProvider();
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new ScriptedChat().Hang(firstCall).Hang(secondCall);
        var options = Options(o => { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.MaxRetries = 1; });
        var grading = chat.Grader(options, time).GradeAsync(Request(GoodAnswer)).AsTask();

        await firstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        await secondCall.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        var grade = await grading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.Timeout, grade.DegradedReason);
        Assert.Equal(2, chat.Calls.Count);
    }

    [Fact]
    public async Task GradeAsync_WhenTheTotalBudgetRunsOut_Degrades()
    {
        var time = new ObservedTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new ScriptedChat().Hang(started);
        var options = Options(o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.TotalTimeout = TimeSpan.FromSeconds(30); });
        var grading = chat.Grader(options, time).GradeAsync(Request(GoodAnswer)).AsTask();

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(30));
        var grade = await grading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.Timeout, grade.DegradedReason);
    }

    [Fact]
    public async Task GradeAsync_AfterEnoughFailures_OpensTheCircuitAndStopsCalling()
    {
        var chat = new ScriptedChat();
        for (var i = 0; i < 4; i++)
        {
            chat.Throw(new HttpOperationException(HttpStatusCode.InternalServerError, null, "boom", null));
        }
        var grader = chat.Grader(Options(o => { o.MaxRetries = 1; o.BreakerMinimumThroughput = 4; o.BreakerFailureRatio = 0.5; }));

        var first = await grader.GradeAsync(Request(GoodAnswer));
        var second = await grader.GradeAsync(Request(GoodAnswer));
        var third = await grader.GradeAsync(Request(GoodAnswer));

        // Two calls per grade; the fourth failure opens the circuit, so the third grade makes no call at all.
        Assert.Equal(DegradedReasons.ServerError, first.DegradedReason);
        Assert.Equal(DegradedReasons.ServerError, second.DegradedReason);
        Assert.Equal(DegradedReasons.CircuitOpen, third.DegradedReason);
        Assert.Equal(4, chat.Calls.Count);
    }

    [Fact]
    public async Task GradeAsync_BeyondTheConcurrencyCapAndQueue_DegradesAsBusy()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new ScriptedChat().Hang(started);
        var grader = chat.Grader(Options(o => { o.MaxConcurrentCalls = 1; o.MaxQueuedCalls = 0; }));
        using var cts = new CancellationTokenSource();
        var holding = grader.GradeAsync(Request(GoodAnswer), cts.Token).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var grade = await grader.GradeAsync(Request(GoodAnswer));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.Busy, grade.DegradedReason);
        Assert.Single(chat.Calls);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => holding.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A 429 as Semantic Kernel raises it: an HttpOperationException around the SDK's ClientResultException and its response.</summary>
    internal static HttpOperationException Throttled(params (string Name, string Value)[] headers)
    {
        var response = new FakeResponse(429, headers);
        var inner = new ClientResultException("Too Many Requests", response);
        return new HttpOperationException(HttpStatusCode.TooManyRequests, "{}", inner.Message, inner);
    }

    private sealed class FakeResponse(int status, (string Name, string Value)[] headers) : PipelineResponse
    {
        private readonly FakeHeaders _headers = new(headers);

        public override int Status => status;
        public override string ReasonPhrase => "Too Many Requests";
        public override Stream? ContentStream { get; set; }
        public override BinaryData Content => BinaryData.FromString("{}");
        protected override PipelineResponseHeaders HeadersCore => _headers;
        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;
        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);
        public override void Dispose() { }
    }

    private sealed class FakeHeaders((string Name, string Value)[] headers) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            var found = headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
            value = found.Value;
            return found.Name is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            var found = TryGetValue(name, out var value);
            values = found ? [value!] : null;
            return found;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).GetEnumerator();
    }
}
