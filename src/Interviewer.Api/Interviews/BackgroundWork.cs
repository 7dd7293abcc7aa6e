using System.Collections.Concurrent;

namespace Interviewer.Api.Interviews;

/// <summary>Work that runs after a hub call has answered (grading); tracked so that shutdown lets it finish.</summary>
internal sealed class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                // An answer whose grading failed here is graded again once its claim expires, so a failure here loses nothing.
                logger.LogError(ex, "Background interview work failed; it will be redone on resume or at the next start.");
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Nothing is lost: an answer whose grading did not finish is graded by whichever instance finds its claim expired.
            logger.LogWarning("Stopping with {Count} interview tasks unfinished; their answers will be graded once their claims expire.", _running.Count);
        }
    }
}

/// <summary>
/// Work a hub call leaves for after its answer. SignalR writes a call's result and then disposes the call's scope,
/// so work started on disposal always follows the result on the wire (the ack before <c>Graded</c>, the start result before <c>Question</c>).
/// </summary>
internal sealed class AfterAcknowledgement(BackgroundWork work) : IAsyncDisposable
{
    private List<Func<Task>>? _pending;

    public void Add(Func<Task>? action)
    {
        if (action is not null)
        {
            (_pending ??= []).Add(action);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            work.Run(async () =>
            {
                foreach (var action in pending)
                {
                    await action();
                }
            });
        }
        return ValueTask.CompletedTask;
    }
}
