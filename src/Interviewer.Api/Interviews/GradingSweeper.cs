namespace Interviewer.Api.Interviews;

/// <summary>
/// At start and then every quarter of the grading lease, takes over answers acknowledged but left ungraded by an
/// instance that stopped (its claim expired) and grades them; the store lets exactly one instance take each.
/// </summary>
internal sealed partial class GradingSweeper(GradingClaims claims, InterviewService interviews, TimeProvider time, ILogger<GradingSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Max(claims.Lease.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks));
        using var timer = new PeriodicTimer(every, time);
        DateTimeOffset? horizon = claims.StartHorizon;
        do
        {
            try
            {
                await SweepAsync(horizon ?? time.GetUtcNow(), stoppingToken);
                horizon = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(DateTimeOffset horizon, CancellationToken ct)
    {
        foreach (var (sessionId, answerId) in await claims.ExpiredAsync(horizon, ct))
        {
            if (await claims.TryTakeAsync(sessionId, answerId, horizon, ct))
            {
                LogTakenOver(sessionId, answerId);
                await interviews.GradeAsync(sessionId, answerId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grading answer {AnswerId} of interview {SessionId}, left ungraded by a stopped instance")]
    private partial void LogTakenOver(string sessionId, string answerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for ungraded answers failed; trying again at the next sweep")]
    private partial void LogSweepFailed(Exception ex);
}
