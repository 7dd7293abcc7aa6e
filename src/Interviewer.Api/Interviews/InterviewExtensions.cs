using Interviewer.Api.Security;
using Interviewer.Api.Security.Limits;
using Interviewer.Api.Storage;
using Interviewer.Api.Telemetry;
using Interviewer.Rubrics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Interviews;

/// <summary>Registers and maps the live interview: engine service, hub, store.</summary>
public static class InterviewExtensions
{
    /// <summary>Registers the interview service, the hub (stateful reconnect allowed; a Redis backplane when configured) and the interview store.</summary>
    public static IServiceCollection AddInterviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInterviewStorage();
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<InterviewService>();
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWork>());
        services.AddSingleton<GradingClaims>();
        services.AddHostedService<GradingSweeper>();
        services.AddScoped<AfterAcknowledgement>();
        services.AddSingleton<InterviewHubFilter>();
        services.AddSingleton<HubLimits>();
        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => InterviewerJson.Configure(o.PayloadSerializerOptions))
            .AddHubOptions<InterviewHub>(o => o.AddFilter<InterviewHubFilter>());
        RedisBackplane.AddTo(signalR, configuration);
        // SignalR's 32 KB default would drop the connection before the answer-length check could say invalid_input:.
        services.AddOptions<HubOptions<InterviewHub>>()
            .Configure<IOptions<LimitsOptions>>((hub, limits) => hub.MaximumReceiveMessageSize = (4L * limits.Value.MaxAnswerLength) + 16_384);
        return services;
    }

    /// <summary>Maps <c>/hubs/interview</c>.</summary>
    public static IEndpointRouteBuilder MapInterviews(this IEndpointRouteBuilder app)
    {
        var metrics = app.ServiceProvider.GetRequiredService<InterviewMetrics>();
        var cache = app.ServiceProvider.GetRequiredService<SessionCache>();
        metrics.ObserveActiveSessions(() => cache.ActiveCount);
        app.MapHub<InterviewHub>(InterviewHub.Path, (HttpConnectionDispatcherOptions o) => o.AllowStatefulReconnects = true);
        return app;
    }
}
