namespace Interviewer.Api.Interviews;

/// <summary>How an interview was started: anonymous practice, or an assessment from a reviewer's invitation.</summary>
internal enum InterviewMode
{
    Practice,
    Assessment,
}

/// <summary>What the candidate sees of their grades: nothing, scores only, or the checklist too.</summary>
internal enum FeedbackLevel
{
    None,
    Score,
    Full,
}

/// <summary>The wire names of modes and feedback levels, in one place.</summary>
internal static class ModeNames
{
    public const string Practice = "practice";
    public const string Assessment = "assessment";

    public static string Of(InterviewMode mode) => mode == InterviewMode.Assessment ? Assessment : Practice;

    public const string FeedbackNone = "none";
    public const string FeedbackScore = "score";
    public const string FeedbackFull = "full";

    public static string Of(FeedbackLevel feedback) => feedback switch
    {
        FeedbackLevel.None => FeedbackNone,
        FeedbackLevel.Score => FeedbackScore,
        _ => FeedbackFull,
    };

    public static InterviewMode ModeOf(string name) => name == Assessment ? InterviewMode.Assessment : InterviewMode.Practice;

    /// <summary>The feedback level by its wire name (any case, trimmed); null when it is none of them.</summary>
    public static FeedbackLevel? FeedbackOf(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        FeedbackNone => FeedbackLevel.None,
        FeedbackScore => FeedbackLevel.Score,
        FeedbackFull => FeedbackLevel.Full,
        _ => null,
    };
}
