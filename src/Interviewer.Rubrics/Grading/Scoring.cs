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

    /// <summary>
    /// Each key point of <paramref name="question"/> at its best status over several answers to it (most credit first,
    /// then most coverage), in rubric order; missing where no answer graded it. An answer lists only the key points it
    /// was graded on (a follow-up lists its targets), so it can raise those and nothing else.
    /// </summary>
    public static IReadOnlyList<KeyPointGrade> Best(Question question, IEnumerable<IReadOnlyList<KeyPointGrade>> answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answers);
        var best = new KeyPointGrade?[question.KeyPoints.Count];
        foreach (var answer in answers)
        {
            for (var k = 0; k < best.Length; k++)
            {
                var id = question.KeyPoints[k].Id;
                var candidate = answer.FirstOrDefault(g => g.Id == id);
                if (candidate is not null && (best[k] is not { } current
                    || Credit(candidate.Status) > Credit(current.Status)
                    || (candidate.Status == current.Status && candidate.Coverage > current.Coverage)))
                {
                    best[k] = candidate;
                }
            }
        }
        return question.KeyPoints
            .Select((k, i) => best[i] ?? new KeyPointGrade(k.Id, k.Text, KeyPointStatus.Missing, 0, []))
            .ToList();
    }

    /// <summary>
    /// A question's score over its answers — the one rule of live interviews, their summaries and reports:
    /// Σ weight × credit / Σ weight × 100, each key point at its <see cref="Best"/> status.
    /// </summary>
    public static double QuestionScore(Question question, IEnumerable<IReadOnlyList<KeyPointGrade>> answers) =>
        Score(question, Best(question, answers));

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
