using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Interviewer.Rubrics.Grading;
using Microsoft.SemanticKernel;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Interviewer.Llm;

/// <summary>
/// The one Polly pipeline every call to the model goes through, outermost first: total timeout, concurrency cap, retry
/// (exponential back-off with jitter, honouring <c>Retry-After</c> and <c>retry-after-ms</c>), circuit breaker, attempt timeout.
/// </summary>
internal static class LlmResilience
{
    /// <summary>The pipeline's name in the Polly registry and in telemetry.</summary>
    public const string PipelineName = "interviewer-llm";

    public static ResiliencePipeline Build(LlmOptions options, TimeProvider timeProvider, Func<double>? randomizer = null)
    {
        var builder = new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = timeProvider };
        Configure(builder, options, timeProvider, randomizer);
        return builder.Build();
    }

    /// <summary>Adds the strategies to <paramref name="builder"/>; <paramref name="randomizer"/> (values in [0, 1)) replaces Polly's jitter source when given.</summary>
    public static void Configure(ResiliencePipelineBuilder builder, LlmOptions options, TimeProvider timeProvider, Func<double>? randomizer = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentCalls,
            QueueLimit = options.MaxQueuedCalls,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (options.MaxRetries > 0)
        {
            var retry = new RetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter(args.Outcome.Exception, timeProvider) is { } wait && wait <= options.MaxRetryDelay ? wait : (TimeSpan?)null),
            };
            if (randomizer is not null)
            {
                retry.Randomizer = randomizer;
            }
            builder.AddRetry(retry);
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            Name = "breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
        });
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>A failure worth trying again: 408, 429, 5xx, no response at all, or an attempt that timed out. Never 400, 401, 403.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        null => false,
        TimeoutRejectedException => true,
        HttpOperationException { StatusCode: null } => true,
        HttpOperationException { StatusCode: { } status } => IsTransient(status),
        ClientResultException { Status: 0 } => true,
        ClientResultException e => IsTransient((HttpStatusCode)e.Status),
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => IsTransient(status),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool ShouldRetry(Exception? exception, LlmOptions options, TimeProvider timeProvider) =>
        IsTransient(exception) &&
        // A server that asks for a longer wait than we allow is not retried: the grade degrades now rather than late.
        !(RetryAfter(exception, timeProvider) is { } wait && wait > options.MaxRetryDelay);

    /// <summary>The wait a 429 or 503 asks for: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, or <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfter(Exception? exception, TimeProvider timeProvider)
    {
        var clientError = exception as ClientResultException ?? exception?.InnerException as ClientResultException;
        if (clientError?.GetRawResponse() is not { } response)
        {
            return null;
        }
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(name, out var ms) &&
                double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }
        if (response.Headers.TryGetValue("Retry-After", out var retryAfter) && retryAfter is not null)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - timeProvider.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }
        return null;
    }
}
