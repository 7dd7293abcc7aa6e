using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>
/// <c>/metrics</c> and <c>/openapi/*</c>: on the management port only when <c>Interviewer:Security:ManagementPort</c>
/// is set (404 on any other port), otherwise for reviewers. The OpenAPI page (<c>/openapi/</c>, a static page that holds
/// nothing but reads the document) follows the port rule too; without a management port it asks for the reviewer key.
/// </summary>
internal static class ManagementEndpoints
{
    /// <summary>The OpenAPI page and the document share this prefix.</summary>
    public const string OpenApiPage = "/openapi";

    public static TBuilder RequireManagement<TBuilder>(this TBuilder builder, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder =>
        services.GetRequiredService<IOptions<SecurityOptions>>().Value.ManagementPort is null
            ? builder.RequireReviewer()
            : builder.WithMetadata(Marker.Instance);

    /// <summary>Answers 404 to a management route (or the OpenAPI page) reached on any port but the management port; before the static files.</summary>
    public static IApplicationBuilder UseManagementPort(this IApplicationBuilder app)
    {
        var port = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ManagementPort;
        if (port is null)
        {
            return app;
        }
        return app.Use((context, next) =>
        {
            var management = context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null || context.Request.Path.StartsWithSegments(OpenApiPage);
            if (management && context.Connection.LocalPort != port)
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
