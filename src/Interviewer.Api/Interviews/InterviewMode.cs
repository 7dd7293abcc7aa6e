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

    public static string Of(FeedbackLevel feedback) => feedback switch
    {
        FeedbackLevel.None => "none",
        FeedbackLevel.Score => "score",
        _ => "full",
    };
}
