using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Batch;

/// <summary>One row of a batch: an answer to grade, or the reason it cannot be graded.</summary>
/// <param name="Line">One-based line of the row in the input (for a JSON request body, the item's one-based position).</param>
/// <param name="Id">The row's id as given; null when the input has none.</param>
/// <param name="Candidate">Who answered, when the input says (a <c>candidate</c> column); null otherwise.</param>
/// <param name="QuestionId">The question's id: as resolved, or as given when it could not be resolved.</param>
/// <param name="Question">The question answered; null when the row has an error.</param>
/// <param name="Answer">The answer exactly as given; null when absent.</param>
/// <param name="Error">Why the row cannot be graded; null when it can.</param>
public sealed record BatchItem(
    int Line,
    string? Id,
    string? Candidate,
    string? QuestionId,
    Question? Question,
    string? Answer,
    string? Error = null)
{
    /// <summary>The bank the question belongs to when it is not the batch's bank (e.g. a rubric drafted for one question); null for the batch's.</summary>
    public QuestionBank? Bank { get; init; }

    /// <summary>True when the row can be graded: no error, a question and an answer.</summary>
    public bool IsGradable => Error is null && Question is not null && Answer is not null;
}
