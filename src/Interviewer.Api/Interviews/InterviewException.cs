namespace Interviewer.Api.Interviews;

/// <summary>The stable error codes of the hub protocol (the prefix of every hub error message).</summary>
internal enum InterviewError
{
    NotFound,
    InvalidInput,
    Forbidden,
    RateLimited,
    Conflict,
    Unavailable,
}

/// <summary>A request the interview cannot honour; nothing was changed. The hub turns it into a <c>HubException</c>.</summary>
internal sealed class InterviewException(InterviewError error, string detail) : Exception($"{Code(error)}: {detail}")
{
    public InterviewError Error { get; } = error;

    /// <summary>What was wrong, without the code: for a host that reports it its own way (an HTTP validation problem).</summary>
    public string Detail { get; } = detail;

    public static string Code(InterviewError error) => error switch
    {
        InterviewError.NotFound => "not_found",
        InterviewError.InvalidInput => "invalid_input",
        InterviewError.Forbidden => "forbidden",
        InterviewError.RateLimited => "rate_limited",
        InterviewError.Unavailable => "unavailable",
        _ => "conflict",
    };
}
