using System.Text.Json.Serialization;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Rubrics.Batch;

/// <summary>
/// The outcome of one row: its grade, or the error that kept it from being graded.
/// In JSON it is the grade's own shape with <c>line</c>, <c>id</c> and <c>candidate</c> beside it, or <c>error</c>.
/// </summary>
/// <param name="Line">One-based line of the row in the input (for a JSON request body, the item's one-based position).</param>
/// <param name="Id">The row's id as given.</param>
/// <param name="Candidate">Who answered, when the input says.</param>
/// <param name="QuestionId">The question's id (as given when the row failed).</param>
/// <param name="Grade">The grade; null when the row failed.</param>
/// <param name="Error">Why the row was not graded; null when it was.</param>
[JsonConverter(typeof(BatchResultJsonConverter))]
public sealed record BatchResult(
    int Line,
    string? Id,
    string? Candidate,
    string? QuestionId,
    GradeResult? Grade,
    string? Error)
{
    /// <summary>The answer graded, kept for reports that show it (HTML); never written to JSON or CSV.</summary>
    [JsonIgnore]
    public string? Answer { get; init; }

    /// <summary>With a repeat count above 1: the spread of the answer's grades over the runs; null otherwise.</summary>
    public StabilityReport? Stability { get; init; }

    /// <summary>True when the row was graded.</summary>
    [JsonIgnore]
    public bool Succeeded => Grade is not null;

    /// <summary>The result of a row that could not be graded.</summary>
    public static BatchResult Failed(BatchItem item, string error)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new BatchResult(item.Line, item.Id, item.Candidate, item.QuestionId, null, error);
    }

    /// <summary>The result of a graded row.</summary>
    public static BatchResult Graded(BatchItem item, GradeResult grade)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new BatchResult(item.Line, item.Id, item.Candidate, grade?.QuestionId ?? item.QuestionId, grade, null) { Answer = item.Answer };
    }
}
