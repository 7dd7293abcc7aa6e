using System.Globalization;
using System.Threading.RateLimiting;

namespace Interviewer.Api.Security.Limits;

/// <summary>One limit per client address: so many permits per fixed window, named by its setting.</summary>
internal sealed record ClientLimit(string Setting, int Permits, TimeSpan Window, string What)
{
    public RateLimiter CreateLimiter(TimeProvider time) => new WindowLimiter(Permits, Window, time);

    /// <summary>Whole seconds until a permit frees, from the refused lease (at least 1).</summary>
    public int RetryAfterSeconds(RateLimitLease lease) =>
        Math.Max(1, (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Window).TotalSeconds));

    /// <summary>The refusal's text, for the hub's <c>rate_limited:</c> error and the 429's detail alike.</summary>
    public string Refusal(int retryAfterSeconds) => string.Create(CultureInfo.InvariantCulture,
        $"more than {Permits} {What} per {Per} from this address ({Setting}); retry in {retryAfterSeconds} s");

    private string Per => Window == TimeSpan.FromHours(1) ? "hour" : "minute";
}
