using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Storage;

/// <summary>
/// The store's single writer: changes queued by many sessions are committed together in one transaction
/// (group commit), and each caller's task completes only once its change is committed. One writer suits
/// SQLite (no lock contention between writers) and costs PostgreSQL nothing.
/// </summary>
internal sealed class StoreWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InterviewDb _db;
    private readonly int _maxBatch;
    private readonly ILogger<StoreWriter> _logger;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _synchronousNormal;
    private SqliteHotPath? _hotPath;

    public StoreWriter(InterviewDb db, IOptions<StorageOptions> options, ILogger<StoreWriter> logger)
    {
        _db = db;
        _maxBatch = options.Value.MaxBatch;
        _synchronousNormal = options.Value.SqliteSynchronous == "Normal";
        _logger = logger;
        // SQLite's I/O is synchronous (its async methods block), so the writer has its own thread rather than
        // holding a thread-pool thread through every fsync.
        _thread = new Thread(Run) { IsBackground = true, Name = "Interview store writer" };
        _thread.Start();
    }

    /// <summary>Queues a change; the task completes when it is committed, or faults when it could not be.</summary>
    public Task WriteAsync(Action<InterviewDbContext> apply) => Enqueue(new PendingWrite(apply, null, NewDone()));

    /// <summary>True when <see cref="WriteRawAsync"/> may be used (SQLite).</summary>
    public bool HasHotPath => _db.IsSqlite;

    /// <summary>Queues a change made with SQLite's prepared statements (only when <see cref="HasHotPath"/>); completes when committed.</summary>
    public Task WriteRawAsync(Action<SqliteHotPath> apply) =>
        HasHotPath ? Enqueue(new PendingWrite(null, apply, NewDone())) : throw new InvalidOperationException("The SQLite hot path needs the SQLite store.");

    private static TaskCompletionSource NewDone() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task Enqueue(PendingWrite pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(StoreWriter), "The store is shutting down.");
        }
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
        _hotPath?.Dispose();
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(_maxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            Commit(batch);
            batch.Clear();
        }
        _stopped.TrySetResult();
    }

    private void Commit(List<PendingWrite> batch)
    {
        try
        {
            CommitTogether(batch);
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult();
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad change must not fail the others: commit them one by one.
            _logger.LogDebug(ex, "A batch of {Count} changes failed; committing them one by one.", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    CommitTogether([pending]);
                    pending.Done.TrySetResult();
                }
                catch (Exception single)
                {
                    pending.Done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }
    }

    private void CommitTogether(IReadOnlyList<PendingWrite> batch)
    {
        if (HasHotPath)
        {
            // One transaction, so one commit (one fsync with synchronous=FULL) for the whole group, EF Core's changes included.
            _hotPath ??= new SqliteHotPath(_db.DatabasePath!, _synchronousNormal);
            _hotPath.Commit(batch.Select(p => p.Raw).OfType<Action<SqliteHotPath>>(), batch.Select(p => p.Apply).OfType<Action<InterviewDbContext>>());
            return;
        }
        using var context = _db.CreateContext();
        foreach (var pending in batch)
        {
            pending.Apply!(context);
        }
        context.SaveChanges();
    }

    private sealed record PendingWrite(Action<InterviewDbContext>? Apply, Action<SqliteHotPath>? Raw, TaskCompletionSource Done);
}
