using Interviewer.Api.Security.Limits;
using Interviewer.Api.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Interviewer.Api.Interviews;

/// <summary>
/// Every interview hub call passes here: the per-address limits (<see cref="HubLimits"/>), and the translation of
/// <see cref="InterviewException"/> into a <c>HubException</c> whose message starts with the error code. An expected
/// refusal is no error: it is counted, logged at Debug (a limit reached, once per window at Warning), never with a
/// stack trace. SignalR's own error line for a failed call is filtered out (<see cref="HubLogging"/>), so an unexpected
/// failure is logged here, once, with its exception.
/// </summary>
internal sealed partial class InterviewHubFilter(HubLimits limits, InterviewMetrics metrics, ILogger<InterviewHubFilter> logger)
    : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            var client = limits.Before(invocationContext);
            var result = await next(invocationContext);
            limits.After(invocationContext, result, client);
            return result;
        }
        catch (InterviewException ex)
        {
            var code = InterviewException.Code(ex.Error);
            metrics.Rejected(code);
            LogRejected(invocationContext.HubMethodName, code, invocationContext.Context.ConnectionId);
            throw new HubException(ex.Message);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(invocationContext.HubMethodName, invocationContext.Context.ConnectionId, ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {Method} rejected with {Code} on connection {ConnectionId}")]
    private partial void LogRejected(string method, string code, string connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {Method} failed on connection {ConnectionId}")]
    private partial void LogFailed(string method, string connectionId, Exception exception);
}

/// <summary>Logging rules of the hub.</summary>
internal static class HubLogging
{
    /// <summary>
    /// SignalR logs every exception a hub method throws at Error with its stack trace, refusals included;
    /// <see cref="InterviewHubFilter"/> logs the unexpected ones itself, so SignalR's line is left out.
    /// </summary>
    public static ILoggingBuilder AddHubLogging(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
}
