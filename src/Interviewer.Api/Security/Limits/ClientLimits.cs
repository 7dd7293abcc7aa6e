using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security.Limits;

/// <summary>
/// The per-address limits of the hub, each a partitioned limiter keyed by client address, so that new connections
/// from the same address share one budget. A refusal is logged once per window (<see cref="RejectionLog"/>).
/// </summary>
internal sealed class ClientLimits : IDisposable
{
    private readonly Dictionary<ClientLimit, PartitionedRateLimiter<string>> _limiters = [];
    private readonly RejectionLog _log;
    private readonly TimeProvider _time;

    public ClientLimits(IOptions<LimitsOptions> options, RejectionLog log, TimeProvider time)
    {
        _log = log;
        _time = time;
        var o = options.Value;
        HubMessages = Add(new ClientLimit($"{LimitsOptions.Section}:HubMessagesPerMinute", o.HubMessagesPerMinute, TimeSpan.FromMinutes(1), "hub calls"));
        Interviews = Add(new ClientLimit($"{LimitsOptions.Section}:InterviewsPerHour", o.InterviewsPerHour, TimeSpan.FromHours(1), "interviews"));
        Answers = Add(new ClientLimit($"{LimitsOptions.Section}:AnswersPerMinute", o.AnswersPerMinute, TimeSpan.FromMinutes(1), "answers"));
        LlmGrades = Add(new ClientLimit($"{LimitsOptions.Section}:LlmGradesPerHour", o.LlmGradesPerHour, TimeSpan.FromHours(1), "LLM-graded answers"));
        Connections = new ClientLimit($"{LimitsOptions.Section}:ConnectionsPerMinute", o.ConnectionsPerMinute, TimeSpan.FromMinutes(1), "hub connections");
        Api = new ClientLimit($"{LimitsOptions.Section}:ApiRequestsPerMinute", o.ApiRequestsPerMinute, TimeSpan.FromMinutes(1), "API requests");
    }

    public ClientLimit HubMessages { get; }

    public ClientLimit Interviews { get; }

    public ClientLimit Answers { get; }

    public ClientLimit LlmGrades { get; }

    /// <summary>Applied by the HTTP rate limiter to <c>/hubs/interview/negotiate</c>.</summary>
    public ClientLimit Connections { get; }

    /// <summary>Applied by the HTTP rate limiter to <c>/api/*</c> without a reviewer key.</summary>
    public ClientLimit Api { get; }

    /// <summary>Takes a permit for <paramref name="client"/>; null when granted, otherwise the refusal's text.</summary>
    public string? TryAcquire(ClientLimit limit, string client)
    {
        using var lease = _limiters[limit].AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }
        Refused(limit, client);
        return limit.Refusal(limit.RetryAfterSeconds(lease));
    }

    public TimeProvider Time => _time;

    public void Refused(ClientLimit limit, string client) => _log.Refused(limit.Setting, client, limit.Permits, limit.Window);

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private ClientLimit Add(ClientLimit limit)
    {
        _limiters[limit] = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.Get(client, _ => limit.CreateLimiter(_time)));
        return limit;
    }
}
