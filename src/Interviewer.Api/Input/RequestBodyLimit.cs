using Interviewer.Api.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Input;

/// <summary><c>Interviewer:Limits:MaxRequestBytes</c> for the routes that take an upload: one check and one 413 text.</summary>
internal static class RequestBodyLimit
{
    /// <summary>413 Problem Details naming the setting; <paramref name="what"/> is "body" or "upload".</summary>
    public static ProblemHttpResult TooLarge(LimitsOptions limits, string what) =>
        ApiProblems.TooLarge(nameof(LimitsOptions.MaxRequestBytes),
            $"The {what} is larger than {limits.MaxRequestBytes:N0} bytes ({LimitsOptions.Section}:{nameof(LimitsOptions.MaxRequestBytes)}).");

    /// <summary>Caps what the server reads of this request; false when its declared length is over the limit already.</summary>
    public static bool Apply(HttpContext context, LimitsOptions limits)
    {
        if (context.Request.ContentLength > limits.MaxRequestBytes)
        {
            return false;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limits.MaxRequestBytes;
        }
        return true;
    }
}
