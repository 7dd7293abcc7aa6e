using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interviewer.Api.Storage;

/// <summary>Ready when the store answers and has every migration applied.</summary>
internal sealed class StoreHealthCheck(InterviewDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var store = db.CreateContext();
            var pending = (await store.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy(db.Description)
                : HealthCheckResult.Unhealthy($"{db.Description}: migrations not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{db.Description} does not answer: {ex.GetType().Name}");
        }
    }
}
