using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>
/// <c>/metrics</c> and <c>/openapi/*</c>: on the management port only when <c>Interviewer:Security:ManagementPort</c>
/// is set (404 on any other port), otherwise for reviewers.
/// </summary>
internal static class ManagementEndpoints
{
    public static TBuilder RequireManagement<TBuilder>(this TBuilder builder, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder =>
        services.GetRequiredService<IOptions<SecurityOptions>>().Value.ManagementPort is null
            ? builder.RequireReviewer()
            : builder.WithMetadata(Marker.Instance);

    /// <summary>Answers 404 to a management route reached on any port but the management port.</summary>
    public static IApplicationBuilder UseManagementPort(this IApplicationBuilder app)
    {
        var port = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ManagementPort;
        if (port is null)
        {
            return app;
        }
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null && context.Connection.LocalPort != port)
            {
                context.SetEndpoint(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
