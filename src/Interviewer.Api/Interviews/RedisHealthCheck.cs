using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interviewer.Api.Interviews;

/// <summary>Ready when the Redis backplane is connected; nothing to check when none is configured.</summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<RedisBackplane>() is not { } backplane)
        {
            return HealthCheckResult.Healthy("no backplane configured");
        }
        var connection = await backplane.ConnectAsync().WaitAsync(cancellationToken);
        return connection.IsConnected
            ? HealthCheckResult.Healthy("connected")
            : HealthCheckResult.Unhealthy($"not connected to {RedisBackplane.ConnectionStringName} ({string.Join(", ", backplane.Options.EndPoints)})");
    }
}
