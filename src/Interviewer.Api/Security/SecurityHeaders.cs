using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>
/// The headers every response carries (pages, API, hub negotiation, errors): a Content-Security-Policy of <c>'self'</c>
/// with no framing, <c>nosniff</c>, no referrer, and HSTS when the request came over HTTPS.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var hstsDays = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.HstsMaxAgeDays;
        var hsts = $"max-age={(long)hstsDays * 86_400}";
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps && hstsDays > 0)
            {
                headers.StrictTransportSecurity = hsts;
            }
            return next(context);
        });
    }
}
