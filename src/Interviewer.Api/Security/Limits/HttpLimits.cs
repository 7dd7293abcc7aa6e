using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Interviewer.Api.Security.Limits;

/// <summary>
/// ASP.NET Core rate limiting over HTTP, partitioned by client address: hub negotiation
/// (<c>ConnectionsPerMinute</c>) and <c>/api/*</c> without a reviewer key (<c>ApiRequestsPerMinute</c>). A refusal is
/// a 429 Problem Details with <c>Retry-After</c>, logged once per window.
/// </summary>
internal static class HttpLimits
{
    public static IServiceCollection AddHttpLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientLimits>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Choose(context, limits) is { } limit
                    ? RateLimitPartition.Get(limit.Setting + "|" + ClientAddress.Of(context), _ => limit.CreateLimiter(limits.Time))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (rejected, _) => RefuseAsync(rejected, limits);
        });
        return services;
    }

    private static ClientLimit? Choose(HttpContext context, ClientLimits limits)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/hubs/interview/negotiate", StringComparison.OrdinalIgnoreCase))
        {
            return limits.Connections;
        }
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !context.User.IsInRole(ReviewerPolicy.Role)
            ? limits.Api
            : null;
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, ClientLimits limits)
    {
        var context = rejected.HttpContext;
        var limit = Choose(context, limits)!;
        var retry = limit.RetryAfterSeconds(rejected.Lease);
        limits.Refused(limit, ClientAddress.Of(context));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "rate_limited: " + limit.Refusal(retry) },
        });
    }
}
