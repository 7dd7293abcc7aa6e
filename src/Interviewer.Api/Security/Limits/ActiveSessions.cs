using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security.Limits;

/// <summary>
/// Interviews in progress on this instance, by the client address that started, resumed or answered them here, for the
/// caps <c>ActiveSessionsPerAddress</c> and <c>ActiveSessions</c>. An interview stops counting when it completes or ends,
/// or after <c>ActiveSessionIdleMinutes</c> without a call (an abandoned tab does not hold a place for ever) until its
/// next answer.
/// </summary>
internal sealed class ActiveSessions(IOptions<LimitsOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private DateTimeOffset _pruned = DateTimeOffset.MinValue;

    /// <summary>Null when <paramref name="client"/> may start one more interview; otherwise why not, naming the setting.</summary>
    public string? Refusal(string client)
    {
        var o = options.Value;
        lock (_lock)
        {
            // Pruning walks every interview: done when a cap would refuse, and otherwise at most once a minute, so that a
            // start under load does not hold the lock every answer takes for a walk over thousands of interviews.
            var now = time.GetUtcNow();
            if (now - _pruned >= TimeSpan.FromMinutes(1)
                || _perClient.GetValueOrDefault(client) >= o.ActiveSessionsPerAddress || _entries.Count >= o.ActiveSessions)
            {
                Prune(now);
            }
            if (_perClient.GetValueOrDefault(client) >= o.ActiveSessionsPerAddress)
            {
                return $"{o.ActiveSessionsPerAddress} interviews from this address are in progress ({LimitsOptions.Section}:ActiveSessionsPerAddress); " +
                    "finish or end one, or retry when one has been idle for " + o.ActiveSessionIdleMinutes + " minutes";
            }
            if (_entries.Count >= o.ActiveSessions)
            {
                return $"the service has {o.ActiveSessions} interviews in progress ({LimitsOptions.Section}:ActiveSessions); retry in a few minutes";
            }
            return null;
        }
    }

    /// <summary>An interview started, resumed or answered on this instance (counted once).</summary>
    public void Started(string sessionId, string client)
    {
        lock (_lock)
        {
            if (_entries.TryAdd(sessionId, new Entry(client) { LastCall = time.GetUtcNow() }))
            {
                _perClient[client] = _perClient.GetValueOrDefault(client) + 1;
            }
        }
    }

    public void Touched(string sessionId)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sessionId, out var entry))
            {
                entry.LastCall = time.GetUtcNow();
            }
        }
    }

    /// <summary>The interview completed or ended: it no longer counts.</summary>
    public void Finished(string sessionId)
    {
        lock (_lock)
        {
            Remove(sessionId);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        _pruned = now;
        var idleSince = now - TimeSpan.FromMinutes(options.Value.ActiveSessionIdleMinutes);
        foreach (var id in _entries.Where(e => e.Value.LastCall < idleSince).Select(e => e.Key).ToList())
        {
            Remove(id);
        }
    }

    private void Remove(string sessionId)
    {
        if (_entries.Remove(sessionId, out var entry) && --_perClient[entry.Client] == 0)
        {
            _perClient.Remove(entry.Client);
        }
    }

    private sealed record Entry(string Client)
    {
        public DateTimeOffset LastCall { get; set; }
    }
}
