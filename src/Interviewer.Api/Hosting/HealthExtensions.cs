using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interviewer.Api.Hosting;

/// <summary><c>/health/live</c> (the process answers), <c>/health/ready</c> and <c>/health</c> (store reachable and migrated, Redis connected when configured).</summary>
public static class HealthExtensions
{
    private const string Ready = "ready";

    /// <summary>Registers the readiness checks.</summary>
    public static IServiceCollection AddInterviewerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        return services;
    }

    /// <summary>Maps the health routes: 200 when healthy, 503 otherwise, with each check's status as JSON.</summary>
    public static IEndpointRouteBuilder MapInterviewerHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new HealthAnswer(
            report.Status == HealthStatus.Healthy ? "ok" : "unavailable",
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckAnswer(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description)));
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

/// <summary>The answer of the health routes: <c>ok</c> or <c>unavailable</c>, and each readiness check.</summary>
public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

/// <summary>One readiness check: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>, and why.</summary>
public sealed record HealthCheckAnswer(string Status, string? Detail);
