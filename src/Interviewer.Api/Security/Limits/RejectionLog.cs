using System.Collections.Concurrent;

namespace Interviewer.Api.Security.Limits;

/// <summary>
/// Logs a client reaching a limit once per window (no stack trace), however many calls it then has refused: a flood
/// writes one line per client and limit, not one per call.
/// </summary>
internal sealed partial class RejectionLog(TimeProvider time, ILogger<RejectionLog> logger)
{
    private const int MaxTracked = 10_000;
    private readonly ConcurrentDictionary<(string Setting, string Client), DateTimeOffset> _quietUntil = new();

    public void Refused(string setting, string client, int limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var key = (setting, client);
        if (_quietUntil.TryGetValue(key, out var until) && now < until)
        {
            return;
        }
        if (_quietUntil.Count >= MaxTracked)
        {
            foreach (var expired in _quietUntil.Where(e => e.Value <= now).Select(e => e.Key).ToList())
            {
                _quietUntil.TryRemove(expired, out _);
            }
        }
        // Two racing refusals may both log; that is one extra line, not a flood.
        _quietUntil[key] = now + window;
        LogRefused(client, setting, limit, FormatWindow(window));
    }

    private static string FormatWindow(TimeSpan window) =>
        window >= TimeSpan.FromHours(1) ? "hour" : window >= TimeSpan.FromMinutes(1) ? "minute" : $"{window.TotalSeconds:0} s";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {Client} reached {Setting} ({Limit} per {Window}); further refusals in this window are not logged")]
    private partial void LogRefused(string client, string setting, int limit, string window);
}
