using Interviewer.Api.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Interviewer.Api.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces, with a Prometheus endpoint at <c>/metrics</c> (a management route), and an OTLP
/// exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c> variables configure it).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The standard setting that turns the OTLP exporter on.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Registers the interview metrics and the OpenTelemetry pipeline.</summary>
    public static IServiceCollection AddInterviewerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InterviewMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(InterviewMetrics.Name)
                .AddMeter("System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            // Spans are recorded only when they go somewhere: unexported, they cost every hub call and every live
            // connection an Activity for nothing.
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(InterviewMetrics.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }
        return services;
    }

    /// <summary>Maps the Prometheus scraping endpoint, <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapInterviewerTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireManagement(app.ServiceProvider);
        return app;
    }
}
