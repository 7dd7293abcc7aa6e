using Interviewer.Api.Storage;

namespace Interviewer.Api.Interviews;

/// <summary>
/// At start, grades the answers that were acknowledged but not graded when the service last stopped
/// (grading after the acknowledgement is safe to redo, keyed by answerId).
/// </summary>
internal sealed partial class PendingGrades(InterviewStore store, InterviewService interviews, ILogger<PendingGrades> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = await store.UngradedAnswersAsync(stoppingToken);
        if (pending.Count == 0)
        {
            return;
        }
        LogRegrading(pending.Count);
        foreach (var (sessionId, answerId) in pending)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                await interviews.GradeAsync(sessionId, answerId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, sessionId, answerId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grading {Count} answers stored without a grade before the last stop")]
    private partial void LogRegrading(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not grade answer {AnswerId} of interview {SessionId} at start; it will be graded on resume")]
    private partial void LogFailed(Exception ex, string sessionId, string answerId);
}
