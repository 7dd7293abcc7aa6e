using System.Threading.RateLimiting;

namespace Interviewer.Api.Security.Limits;

/// <summary>
/// A fixed-window limiter on the service's <see cref="TimeProvider"/> (the framework's own reads the machine clock, so
/// tests could not move its windows): <c>Permits</c> per window, no queue, the refusal carrying when to retry.
/// </summary>
internal sealed class WindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly object _lock = new();
    private DateTimeOffset _start = DateTimeOffset.MinValue;
    private int _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var end = _start == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _start + window;
                var now = time.GetUtcNow();
                return now >= end ? (end == DateTimeOffset.MinValue ? TimeSpan.MaxValue : now - end) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - _used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now - _start >= window)
            {
                _start = now;
                _used = 0;
            }
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Granted;
            }
            return new Lease(_start + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
