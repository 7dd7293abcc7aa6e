namespace Interviewer.Rubrics.Comparison;

/// <summary>What changed between two runs (two grade outputs, or two calibration reports), A before B.</summary>
/// <param name="Kind"><c>grade</c> or <c>calibration</c>.</param>
/// <param name="A">What produced run A.</param>
/// <param name="B">What produced run B.</param>
/// <param name="Overall">The run's figures: mean score and counts (grade), or agreement figures (calibration).</param>
/// <param name="Questions">Per question, the figures that changed.</param>
/// <param name="KeyPoints">Per key point, how often it was covered or matched, and (grade) how many answers flipped status.</param>
/// <param name="Answers">Grade runs: every answer whose score or key-point statuses changed, matched by id (else line).</param>
/// <param name="OnlyInA">Grade runs: answers in A with no match in B.</param>
/// <param name="OnlyInB">Grade runs: answers in B with no match in A.</param>
public sealed record RunComparison(
    string Kind,
    RunOrigin A,
    RunOrigin B,
    IReadOnlyList<FigureChange> Overall,
    IReadOnlyList<QuestionChange> Questions,
    IReadOnlyList<KeyPointChange> KeyPoints,
    IReadOnlyList<AnswerChange> Answers,
    int OnlyInA,
    int OnlyInB);

/// <summary>What produced a run.</summary>
public sealed record RunOrigin(string BankId, int BankVersion, string Grader);

/// <summary>One figure in both runs; <c>Delta</c> = B − A when both have a value.</summary>
public sealed record FigureChange(string Name, double? A, double? B, double? Delta);

/// <summary>A question's figures in both runs.</summary>
public sealed record QuestionChange(string QuestionId, IReadOnlyList<FigureChange> Figures);

/// <summary>A key point in both runs; <c>Up</c>/<c>Down</c> count answers whose status rose or fell (grade runs).</summary>
public sealed record KeyPointChange(string QuestionId, string KeyPointId, string? Text, IReadOnlyList<FigureChange> Figures, int Up, int Down);

/// <summary>An answer whose grade changed.</summary>
public sealed record AnswerChange(string Id, string? QuestionId, double? ScoreA, double? ScoreB, double? Delta, IReadOnlyList<StatusFlip> Flips);

/// <summary>A key point whose status changed for one answer.</summary>
public sealed record StatusFlip(string KeyPointId, string From, string To);
