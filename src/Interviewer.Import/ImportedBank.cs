using Interviewer.Import.Review;
using Interviewer.Rubrics.Model;

namespace Interviewer.Import;

/// <summary>The result of an import as hosts return it (JSON): the drafted bank, the review report, and where it was written.</summary>
/// <param name="Bank">The drafted bank, with model answers, key points and phrases.</param>
/// <param name="Report">What was found and what to check.</param>
public sealed record ImportedBank(QuestionBank Bank, ImportReport Report)
{
    /// <summary>The bank's folder, when it was written.</summary>
    public string? SavedTo { get; init; }
}
