using System.Collections.Concurrent;
using Interviewer.Api.Storage;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Interviews;

/// <summary>
/// Sessions held in memory, one lock each. Only a cache of the store: a miss (another instance, a restart, an idle
/// session that left memory) reads the store; a change the store refuses because another instance moved the session on
/// reads the store's copy and runs the action again on it; a refusal from a cached copy is checked against the stored
/// version before it is believed.
/// </summary>
internal sealed class SessionCache : IDisposable
{
    private const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly InterviewStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idle;
    private readonly ITimer _sweeper;

    public SessionCache(InterviewStore store, TimeProvider time, IOptions<InterviewOptions> options)
    {
        _store = store;
        _time = time;
        _idle = options.Value.SessionIdleTimeout;
        var every = TimeSpan.FromTicks(Math.Min(_idle.Ticks / 2, TimeSpan.FromMinutes(1).Ticks));
        _sweeper = time.CreateTimer(_ => Sweep(), null, every, every);
    }

    public int ActiveCount => _entries.Values.Count(e => e.Session?.Status == InterviewStatus.Active);

    /// <summary>Sessions in memory now.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Runs <paramref name="action"/> with the session locked; not_found when there is no such session. With
    /// <paramref name="current"/> the cached copy is first checked against the store (resume: the candidate may come from another instance).
    /// </summary>
    public async Task<T> WithSessionAsync<T>(string sessionId, Func<InterviewSession, Task<T>> action, bool current = false)
    {
        var entry = _entries.GetOrAdd(sessionId, _ => new Entry());
        await entry.Lock.WaitAsync();
        try
        {
            entry.Touched = _time.GetTimestamp();
            if (current && entry.Session is { } cached && await _store.VersionAsync(sessionId) != cached.Version)
            {
                entry.Session = null;
            }
            for (var attempt = 1; ; attempt++)
            {
                var fresh = entry.Session is null;
                var session = entry.Session ??= await LoadAsync(sessionId, entry);
                try
                {
                    var result = await action(session);
                    if (session.Status != InterviewStatus.Active)
                    {
                        _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
                    }
                    return result;
                }
                catch (StaleSessionException) when (attempt < MaxAttempts)
                {
                    entry.Session = null; // another instance moved the session on: read its copy and try again
                }
                catch (InterviewException) when (!fresh && attempt < MaxAttempts)
                {
                    if (await _store.VersionAsync(sessionId) == session.Version)
                    {
                        throw;
                    }
                    entry.Session = null; // refused by an out-of-date copy: ask the current one
                }
                catch (StaleSessionException)
                {
                    Forget(sessionId, entry);
                    throw new InterviewException(InterviewError.Conflict, $"session '{sessionId}' kept changing elsewhere; try again");
                }
                catch (Exception ex) when (ex is not InterviewException)
                {
                    // The in-memory copy may hold a change the store refused; read the store's again next time.
                    Forget(sessionId, entry);
                    throw;
                }
            }
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    public void Add(InterviewSession session) => _entries[session.Id] = new Entry { Session = session, Touched = _time.GetTimestamp() };

    public void Dispose() => _sweeper.Dispose();

    private async Task<InterviewSession> LoadAsync(string sessionId, Entry entry)
    {
        var session = await _store.LoadAsync(sessionId);
        if (session is null)
        {
            Forget(sessionId, entry);
            throw new InterviewException(InterviewError.NotFound, $"no interview session '{sessionId}'");
        }
        return session;
    }

    private void Forget(string sessionId, Entry entry)
    {
        entry.Session = null;
        _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
    }

    /// <summary>Idle sessions leave memory; one in use (its lock taken) stays.</summary>
    private void Sweep()
    {
        foreach (var (id, entry) in _entries)
        {
            if (_time.GetElapsedTime(entry.Touched) >= _idle && entry.Lock.Wait(0))
            {
                try
                {
                    _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
                }
                finally
                {
                    entry.Lock.Release();
                }
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public InterviewSession? Session { get; set; }
        public long Touched { get; set; }
    }
}
