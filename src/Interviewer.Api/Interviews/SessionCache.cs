using System.Collections.Concurrent;
using Interviewer.Api.Security.Limits;
using Interviewer.Api.Storage;

namespace Interviewer.Api.Interviews;

/// <summary>
/// Sessions held in memory, one lock each. Only a cache: a miss (another instance, a restart) reloads from the
/// store, and a session whose change failed to commit is dropped so that the store's copy is read again.
/// </summary>
internal sealed class SessionCache(InterviewStore store, ActiveSessions active)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int ActiveCount => _entries.Values.Count(e => e.Session?.Status == InterviewStatus.Active);

    /// <summary>Runs <paramref name="action"/> with the session locked; not_found when there is no such session.</summary>
    public async Task<T> WithSessionAsync<T>(string sessionId, Func<InterviewSession, Task<T>> action)
    {
        var entry = _entries.GetOrAdd(sessionId, _ => new Entry());
        await entry.Lock.WaitAsync();
        try
        {
            if (entry.Session is null)
            {
                entry.Session = await store.LoadAsync(sessionId);
                if (entry.Session is null)
                {
                    _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
                    throw new InterviewException(InterviewError.NotFound, $"no interview session '{sessionId}'");
                }
            }
            try
            {
                var result = await action(entry.Session);
                if (entry.Session.Status != InterviewStatus.Active)
                {
                    active.Finished(sessionId);
                    _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
                }
                return result;
            }
            catch (Exception ex) when (ex is not InterviewException)
            {
                // The in-memory copy may hold a change the store refused; read the store's again next time.
                entry.Session = null;
                _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
                throw;
            }
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    public void Add(InterviewSession session)
    {
        var entry = new Entry { Session = session };
        _entries[session.Id] = entry;
    }

    private sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public InterviewSession? Session { get; set; }
    }
}
