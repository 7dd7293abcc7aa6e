using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading;

/// <summary>The arithmetic every grader shares: the score from key-point credits, and the follow-up to ask.</summary>
public static class Scoring
{
    /// <summary>The credit a key point earns for its status when its grader states no finer share: covered 1, partial ½, missing 0.</summary>
    public static double Credit(KeyPointStatus status) => status switch
    {
        KeyPointStatus.Covered => 1.0,
        KeyPointStatus.Partial => 0.5,
        _ => 0.0,
    };

    /// <summary>The 0–100 score: the weighted share of credit over the question's key points, rounded to one decimal.</summary>
    public static double Score(Question question, IReadOnlyList<KeyPointGrade> grades) => Round(Earned(question, grades));

    /// <summary>
    /// A grade's key points with their credits scaled down so that it is at most <paramref name="cap"/>
    /// (statuses and evidence unchanged): how a list of rubric terms is held down, so that every score built from
    /// these key points — the answer's and its question's — stays under the cap.
    /// </summary>
    public static IReadOnlyList<KeyPointGrade> Capped(Question question, IReadOnlyList<KeyPointGrade> grades, double cap)
    {
        var earned = Earned(question, grades);
        if (earned <= cap)
        {
            return grades;
        }
        var factor = cap / earned;
        // Rounded down, so the rounded credits cannot add up to more than the cap.
        return [.. grades.Select(g => g with { Credit = Math.Floor(g.Credit * factor * 1000) / 1000 })];
    }

    /// <summary>0–100 rounded to one decimal, halves away from zero: how every score is shown and stored.</summary>
    public static double Round(double score) => Math.Round(score, 1, MidpointRounding.AwayFromZero);

    /// <summary>The unrounded 0–100 weighted share of credit.</summary>
    private static double Earned(Question question, IReadOnlyList<KeyPointGrade> grades)
    {
        var total = question.TotalWeight;
        if (total <= 0)
        {
            return 0;
        }
        var earned = 0.0;
        foreach (var keyPoint in question.KeyPoints)
        {
            earned += keyPoint.Weight * (Find(grades, keyPoint.Id)?.Credit ?? 0);
        }
        return 100 * earned / total;
    }

    /// <summary>
    /// Each key point of <paramref name="question"/> at its best over several answers to it (most credit first, then most
    /// coverage), in rubric order; missing where no answer graded it. An answer lists only the key points it
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
                var candidate = Find(answer, question.KeyPoints[k].Id);
                if (candidate is not null && (best[k] is not { } current
                    || candidate.Credit > current.Credit
                    || (candidate.Credit == current.Credit && candidate.Coverage > current.Coverage)))
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
    /// A question's score over its answers — the one rule of live interviews, their summaries, the reviewers' views and
    /// reports: Σ weight × credit / Σ weight × 100, each key point at its <see cref="Best"/>, then moved onto the hiring
    /// team's scale by the first answer's <see cref="GradeResult.Anchoring"/> when it has one. An answer's own score is
    /// this rule over that answer alone.
    /// </summary>
    public static double QuestionScore(Question question, IEnumerable<GradeResult> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var graded = answers as IReadOnlyList<GradeResult> ?? [.. answers];
        return graded.Count == 0 ? 0 : QuestionScore(question, Best(question, graded.Select(a => a.KeyPoints)), graded[0].Anchoring);
    }

    /// <summary>
    /// <see cref="QuestionScore(Question, IEnumerable{GradeResult})"/> of one answer's key points and anchoring: how a
    /// grader scores the answer it is grading.
    /// </summary>
    public static double QuestionScore(Question question, IReadOnlyList<KeyPointGrade> keyPoints, GradeAnchoring? anchoring)
    {
        var earned = Earned(question, keyPoints);
        return Round(anchoring is null ? earned : anchoring.Apply(earned));
    }

    /// <summary>The follow-up of the highest-weight key point that is not covered (first in rubric order on ties); null when all are covered.</summary>
    public static KeyPoint? FollowUpTarget(Question question, IReadOnlyList<KeyPointGrade> grades)
    {
        KeyPoint? best = null;
        foreach (var keyPoint in question.KeyPoints)
        {
            var status = Find(grades, keyPoint.Id)?.Status ?? KeyPointStatus.Missing;
            if (status != KeyPointStatus.Covered && (best is null || keyPoint.Weight > best.Weight))
            {
                best = keyPoint;
            }
        }
        return best;
    }

    // A loop, not FirstOrDefault with a lambda: every graded answer comes here several times, and the closure was most of what scoring allocated.
    private static KeyPointGrade? Find(IReadOnlyList<KeyPointGrade> grades, string id)
    {
        for (var i = 0; i < grades.Count; i++)
        {
            if (grades[i].Id == id)
            {
                return grades[i];
            }
        }
        return null;
    }
}
