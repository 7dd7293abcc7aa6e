using Interviewer.Api.Storage;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Interviews;

/// <summary>
/// This instance's claims on grading answers. An answer is stored already claimed by the instance that acknowledged it;
/// a claim that expires (the instance stopped) can be taken by any instance, and the store lets exactly one take it.
/// </summary>
internal sealed class GradingClaims(InterviewStore store, TimeProvider time, IOptions<InterviewOptions> options)
{
    /// <summary>This process: distinct for every instance and every restart.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public TimeSpan Lease => options.Value.GradingLease;

    public GradingClaim New() => new(Owner, time.GetUtcNow() + Lease);

    /// <summary>Takes over an answer whose claim has expired (by <paramref name="horizon"/>, default now); false when another instance holds it or it is graded.</summary>
    public Task<bool> TryTakeAsync(string sessionId, string answerId, DateTimeOffset? horizon = null, CancellationToken ct = default) =>
        store.TryClaimAsync(sessionId, answerId, New(), horizon ?? time.GetUtcNow(), ct);

    /// <summary>Answers whose claims have expired by <paramref name="horizon"/>, for the sweeper to take over.</summary>
    public Task<IReadOnlyList<(string SessionId, string AnswerId)>> ExpiredAsync(DateTimeOffset horizon, CancellationToken ct) =>
        store.UnclaimedAnswersAsync(horizon, 100, ct);

    /// <summary>
    /// The first sweep's horizon. A SQLite file has one instance, so every claim found at start is a previous run's and is
    /// taken at once; a shared store's claims may be another live instance's and are taken only once expired.
    /// </summary>
    public DateTimeOffset StartHorizon => store.IsShared ? time.GetUtcNow() : time.GetUtcNow() + Lease;
}
