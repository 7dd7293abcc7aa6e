namespace Interviewer.Rubrics.Calibration;

/// <summary>
/// One human-scored answer for calibration. A row names its question by <see cref="QuestionId"/> or by the question's
/// exact <see cref="Question"/> text; a question not in the bank is graded against a rubric drafted from <see cref="ReferenceAnswer"/>.
/// </summary>
/// <param name="Line">One-based line where the row starts in the input, for messages.</param>
/// <param name="AnswerId">The answer's id, when given (rows of several raters for one answer share it).</param>
/// <param name="QuestionId">The question's id in the bank (or the id to give a drafted rubric).</param>
/// <param name="Question">The question's text.</param>
/// <param name="ReferenceAnswer">A model answer to draft a rubric from when the question is not in the bank.</param>
/// <param name="Answer">The candidate's answer.</param>
/// <param name="Score">The human score, 0..<paramref name="MaxScore"/>.</param>
/// <param name="MaxScore">The top of the human scale (default 100).</param>
/// <param name="Rater">Who scored it, when given.</param>
/// <param name="KeyPoints">Key point ids the rater judged covered, when given (empty otherwise).</param>
public sealed record CalibrationRow(
    int Line,
    string? AnswerId,
    string? QuestionId,
    string? Question,
    string? ReferenceAnswer,
    string Answer,
    double Score,
    double MaxScore,
    string? Rater,
    IReadOnlyList<string> KeyPoints)
{
    /// <summary>The human score on a 0–1 scale.</summary>
    public double NormalizedScore => MaxScore > 0 ? Score / MaxScore : 0;
}

/// <summary>A calibration row that was left out, and why.</summary>
/// <param name="Line">One-based line of the row in the input (0 when unknown).</param>
/// <param name="Message">What is wrong with the row.</param>
public sealed record CalibrationProblem(int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}
