using Interviewer.Api.Security;
using Interviewer.Api.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Interviews;

/// <summary>
/// Every interview hub call passes here: the per-connection message limit (<c>Interviewer:Limits:HubMessagesPerMinute</c>),
/// and the translation of <see cref="InterviewException"/> into a <c>HubException</c> whose message starts with the error code.
/// </summary>
internal sealed partial class InterviewHubFilter(TimeProvider time, IOptions<LimitsOptions> limits, InterviewMetrics metrics, ILogger<InterviewHubFilter> logger)
    : IHubFilter
{
    private static readonly object WindowKey = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            CountMessage(invocationContext.Context);
            return await next(invocationContext);
        }
        catch (InterviewException ex)
        {
            var code = InterviewException.Code(ex.Error);
            metrics.Rejected(code);
            LogRejected(invocationContext.HubMethodName, code, invocationContext.Context.ConnectionId);
            throw new HubException(ex.Message);
        }
    }

    private void CountMessage(HubCallerContext context)
    {
        var window = (MessageWindow)(context.Items.TryGetValue(WindowKey, out var value) ? value! : context.Items[WindowKey] = new MessageWindow());
        var limit = limits.Value.HubMessagesPerMinute;
        var now = time.GetUtcNow();
        lock (window)
        {
            // A fixed one-minute window per connection, started by its first message.
            if (now - window.Start >= TimeSpan.FromMinutes(1))
            {
                window.Start = now;
                window.Count = 0;
            }
            if (window.Count >= limit)
            {
                var retry = Math.Max(1, (int)Math.Ceiling((window.Start + TimeSpan.FromMinutes(1) - now).TotalSeconds));
                throw new InterviewException(InterviewError.RateLimited,
                    $"more than {limit} messages in a minute on this connection; retry in {retry} s");
            }
            window.Count++;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} rejected with {Code} on connection {ConnectionId}")]
    private partial void LogRejected(string method, string code, string connectionId);

    private sealed class MessageWindow
    {
        public DateTimeOffset Start { get; set; } = DateTimeOffset.MinValue;
        public int Count { get; set; }
    }
}
