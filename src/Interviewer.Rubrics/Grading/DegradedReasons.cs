namespace Interviewer.Rubrics.Grading;

/// <summary>The values of <see cref="GradeResult.DegradedReason"/>: why the LLM grader fell back to the keyword grade.</summary>
public static class DegradedReasons
{
    /// <summary>The model did not answer within the attempt or total timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>Too many recent calls failed: the circuit is open and the model is not called for a while.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The server kept answering 429 (or asked for a longer wait than allowed).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Too many grades were already waiting for the model.</summary>
    public const string Busy = "busy";

    /// <summary>The server kept failing (5xx, 408).</summary>
    public const string ServerError = "server_error";

    /// <summary>The server could not be reached.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The server refused the request (400, 401, 403, 404...): a setting is wrong.</summary>
    public const string Rejected = "rejected";

    /// <summary>The model's reply was not a valid verdict, even after one repair attempt.</summary>
    public const string InvalidVerdict = "invalid_verdict";

    /// <summary>Any other failure.</summary>
    public const string Error = "error";
}
