using Microsoft.Extensions.Time.Testing;

namespace Interviewer.Llm.Tests;

/// <summary>A <see cref="FakeTimeProvider"/> that lets a test wait until a timer of a given due time has been created, so it knows when to advance.</summary>
internal sealed class ObservedTimeProvider : FakeTimeProvider
{
    private readonly List<TimeSpan> _created = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource Seen)> _waiting = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_created)
        {
            _created.Add(dueTime);
            foreach (var waiter in _waiting.Where(w => w.Match(dueTime)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
        return timer;
    }

    /// <summary>Completes once a timer due in exactly <paramref name="dueTime"/> is (or was already) created; fails after 10 s of real time.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime) => WaitForTimerAsync(d => d == dueTime);

    public Task WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        lock (_created)
        {
            var index = _created.FindIndex(d => match(d));
            if (index >= 0)
            {
                _created.RemoveAt(index);
                return Task.CompletedTask;
            }
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((match, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
