using System.ComponentModel.DataAnnotations;

namespace Interviewer.Api.Interviews;

/// <summary>Live interview settings (<c>Interviewer:Interviews</c>).</summary>
public sealed class InterviewOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Interviews";

    /// <summary>The bank used when <c>StartInterview</c> names none. Default <c>mlops-es</c>.</summary>
    [Required(ErrorMessage = "Interviewer:Interviews:DefaultBank must name a bank.")]
    public string DefaultBank { get; set; } = "mlops-es";

    /// <summary>Questions in an interview when <c>StartInterview</c> does not say. Default 5.</summary>
    [Range(1, 200, ErrorMessage = "Interviewer:Interviews:DefaultQuestionCount must be between {1} and {2}.")]
    public int DefaultQuestionCount { get; set; } = 5;

    /// <summary>Most questions one interview may ask. Default 50.</summary>
    [Range(1, 200, ErrorMessage = "Interviewer:Interviews:MaxQuestionCount must be between {1} and {2}.")]
    public int MaxQuestionCount { get; set; } = 50;

    /// <summary>How long a session nobody touches stays in memory; it is read from the store again when needed. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Interviewer:Interviews:SessionIdleTimeout must be between {1} and {2}.")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long an instance's claim on grading an answer lasts. An instance that stops without grading leaves the answer to
    /// another (or to itself after a restart) once the claim has expired; keep it above the LLM grader's total timeout. Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Interviewer:Interviews:GradingLease must be between {1} and {2}.")]
    public TimeSpan GradingLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts at grading an acknowledged answer before the candidate is asked to answer again. Default 3.</summary>
    [Range(1, 10, ErrorMessage = "Interviewer:Interviews:GradeAttempts must be between {1} and {2}.")]
    public int GradeAttempts { get; set; } = 3;
}
