using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Analysis;

/// <summary>One human's score for an answer.</summary>
/// <param name="Rater">The rater's name; empty when the input names none.</param>
/// <param name="Score">The score on the human scale (0..max_score).</param>
/// <param name="Line">The input line the score came from.</param>
public sealed record HumanScore(string Rater, double Score, int Line);

/// <summary>One answer with every human score it received: the unit calibration statistics resample.</summary>
/// <param name="AnswerId">The answer's id (from the input, else derived from its line).</param>
/// <param name="Question">The question, from the bank or drafted from a reference answer.</param>
/// <param name="Drafted">True when the rubric was drafted from the row's reference answer.</param>
/// <param name="Answer">The answer's text.</param>
/// <param name="MaxScore">The top of the human scale.</param>
/// <param name="Scores">The human scores, one per rater.</param>
/// <param name="HumanKeyPoints">Key point ids humans marked as covered; null when they marked none.</param>
public sealed record CalibrationAnswer(
    string AnswerId,
    Question Question,
    bool Drafted,
    string Answer,
    double MaxScore,
    IReadOnlyList<HumanScore> Scores,
    IReadOnlySet<string>? HumanKeyPoints = null)
{
    /// <summary>The mean of the human scores: what the grader is compared with.</summary>
    public double HumanMean => Scores.Average(s => s.Score);
}

/// <summary>An answer and the grade the grader gave it.</summary>
/// <param name="Answer">The answer with its human scores.</param>
/// <param name="Grade">The grader's grade (score 0–100).</param>
public sealed record GradedCalibrationAnswer(CalibrationAnswer Answer, GradeResult Grade)
{
    /// <summary>The grader's score on the answer's human scale.</summary>
    public double GraderOnHumanScale => Grade.Score * Answer.MaxScore / 100.0;
}
