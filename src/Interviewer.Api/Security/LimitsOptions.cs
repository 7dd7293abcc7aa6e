using System.ComponentModel.DataAnnotations;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Api.Security;

/// <summary>
/// Limits that keep one client from exhausting the service (<c>Interviewer:Limits</c>). Rates are per client address
/// (see <c>Interviewer:Security:KnownProxies</c>); the defaults suit a classroom of about 40 behind one address.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Limits";

    /// <summary>Longest answer accepted, in characters. Default 20,000 (about 3,000 words).</summary>
    [Range(1, 1_000_000)]
    public int MaxAnswerLength { get; set; } = 20_000;

    /// <summary>Largest HTTP request body, in bytes. Default 10 MB.</summary>
    [Range(1024, 1_073_741_824)]
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most rows in one batch request. Default 5,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchRows { get; set; } = 5_000;

    /// <summary>Most distinct raters in one calibration (a <c>rater</c> column or <c>score_*</c> columns). Default 50.</summary>
    [Range(1, 100_000, ErrorMessage = "Interviewer:Limits:MaxCalibrationRaters must be between {1} and {2}.")]
    public int MaxCalibrationRaters { get; set; } = 50;

    /// <summary>Most suggestions one calibration what-if may try. Default 50.</summary>
    [Range(1, 100_000, ErrorMessage = "Interviewer:Limits:MaxWhatIfSuggestions must be between {1} and {2}.")]
    public int MaxWhatIfSuggestions { get; set; } = 50;

    /// <summary>Most hub calls per minute from one client address, over all its connections. Default 600.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:HubMessagesPerMinute must be between {1} and {2}.")]
    public int HubMessagesPerMinute { get; set; } = 600;

    /// <summary>Most interviews one client address may start per hour (<c>StartInterview</c>). Default 200.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:InterviewsPerHour must be between {1} and {2}.")]
    public int InterviewsPerHour { get; set; } = 200;

    /// <summary>Most answers per minute from one client address (<c>SubmitAnswer</c>). Default 200.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:AnswersPerMinute must be between {1} and {2}.")]
    public int AnswersPerMinute { get; set; } = 200;

    /// <summary>Most hub connections (negotiations) per minute from one client address. Default 200.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:ConnectionsPerMinute must be between {1} and {2}.")]
    public int ConnectionsPerMinute { get; set; } = 200;

    /// <summary>Most <c>/api/*</c> requests per minute from one client address without a reviewer key. Default 600.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:ApiRequestsPerMinute must be between {1} and {2}.")]
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>Most interviews in progress started from one client address. Default 100.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:ActiveSessionsPerAddress must be between {1} and {2}.")]
    public int ActiveSessionsPerAddress { get; set; } = 100;

    /// <summary>Most interviews in progress on this instance. Default 5,000.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Interviewer:Limits:ActiveSessions must be between {1} and {2}.")]
    public int ActiveSessions { get; set; } = 5_000;

    /// <summary>Minutes without a call after which an unfinished interview no longer counts as in progress. Default 30.</summary>
    [Range(1, 10_080, ErrorMessage = "Interviewer:Limits:ActiveSessionIdleMinutes must be between {1} and {2}.")]
    public int ActiveSessionIdleMinutes { get; set; } = 30;

    /// <summary>
    /// Graders an anonymous practice interview may choose; none listed (the default) means <c>keyword</c> only. Empty by
    /// default because the configuration binder adds configured entries to a list's defaults rather than replacing them.
    /// </summary>
    public List<string> PracticeGraders { get; set; } = [];

    /// <summary>The graders practice interviews may use: those listed in <see cref="PracticeGraders"/>, else <c>keyword</c>.</summary>
    public IReadOnlyList<string> PracticeGraderNames() => PracticeGraders is { Count: > 0 } listed ? listed : [GraderNames.Keyword];

    /// <summary>Most answers per hour one client address may have graded by the LLM (<c>llm</c>, <c>dual</c>). Default 100.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Interviewer:Limits:LlmGradesPerHour must be between {1} and {2}.")]
    public int LlmGradesPerHour { get; set; } = 100;
}
