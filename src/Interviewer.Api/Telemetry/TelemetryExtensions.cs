using Interviewer.Api.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Interviewer.Api.Telemetry;

/// <summary>OpenTelemetry metrics and traces, with a Prometheus endpoint at <c>/metrics</c> (a management route).</summary>
public static class TelemetryExtensions
{
    /// <summary>Registers the interview metrics and the OpenTelemetry pipeline.</summary>
    public static IServiceCollection AddInterviewerTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<InterviewMetrics>();
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(InterviewMetrics.Name)
                .AddMeter("System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(InterviewMetrics.Name)
                .AddAspNetCoreInstrumentation());
        return services;
    }

    /// <summary>Maps the Prometheus scraping endpoint, <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapInterviewerTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireManagement(app.ServiceProvider);
        return app;
    }
}
