using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading;

/// <summary>The arithmetic every grader shares: the score from key-point statuses, and the follow-up to ask.</summary>
public static class Scoring
{
    /// <summary>The credit a key point earns for its status: covered 1, partial ½, missing 0.</summary>
    public static double Credit(KeyPointStatus status) => status switch
    {
        KeyPointStatus.Covered => 1.0,
        KeyPointStatus.Partial => 0.5,
        _ => 0.0,
    };

    /// <summary>The 0–100 score: the weighted share of credit over the question's key points, rounded to one decimal.</summary>
    public static double Score(Question question, IReadOnlyList<KeyPointGrade> grades)
    {
        var total = question.TotalWeight;
        if (total <= 0)
        {
            return 0;
        }
        var earned = 0.0;
        foreach (var keyPoint in question.KeyPoints)
        {
            var grade = grades.FirstOrDefault(g => g.Id == keyPoint.Id);
            earned += keyPoint.Weight * (grade is null ? 0 : Credit(grade.Status));
        }
        return Math.Round(100 * earned / total, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The follow-up of the highest-weight key point that is not covered (first in rubric order on ties); null when all are covered.</summary>
    public static KeyPoint? FollowUpTarget(Question question, IReadOnlyList<KeyPointGrade> grades)
    {
        KeyPoint? best = null;
        foreach (var keyPoint in question.KeyPoints)
        {
            var status = grades.FirstOrDefault(g => g.Id == keyPoint.Id)?.Status ?? KeyPointStatus.Missing;
            if (status != KeyPointStatus.Covered && (best is null || keyPoint.Weight > best.Weight))
            {
                best = keyPoint;
            }
        }
        return best;
    }
}
