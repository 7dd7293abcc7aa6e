using Interviewer.Api.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Interviewer.Api.Input;

/// <summary>
/// A change the store refused because another instance changed the same rows first is a 409 Problem Details on every
/// route, not a 500: nothing was stored, and sending the request again applies it to the current rows.
/// </summary>
internal sealed class StoreConflictProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreConflictException conflict)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Changed meanwhile",
                Detail = $"{conflict.Message} Nothing was stored; send the request again.",
            },
        });
    }
}
