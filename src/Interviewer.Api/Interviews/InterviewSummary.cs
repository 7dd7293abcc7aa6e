using System.Globalization;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Interviews;

/// <summary>The end-of-interview summary: scores, strengths and gaps.</summary>
internal static class InterviewSummary
{
    /// <summary>A category is a strength when its questions average at least this score.</summary>
    public const double StrengthThreshold = 60;

    private const int MaxStrengths = 3;

    public static CompletedMessage Summarize(InterviewSession session)
    {
        var questions = session.Turns
            .GroupBy(t => t.QuestionIndex)
            .OrderBy(g => g.Key)
            .Select(g => ScoreQuestion(g.Key, g.First().Question, g.ToList()))
            .ToList();

        var overall = questions.Count == 0 ? 0 : Math.Round(questions.Average(q => q.Score), 1, MidpointRounding.AwayFromZero);

        var strengths = questions
            .GroupBy(q => q.Category, StringComparer.Ordinal)
            .Select(g => new Strength(
                g.Key,
                session.Bank.FindCategory(g.Key)?.Title ?? g.Key,
                Math.Round(g.Average(q => q.Score), 1, MidpointRounding.AwayFromZero),
                g.Select(q => q.QuestionId).ToList()))
            .Where(s => s.Score >= StrengthThreshold)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Category, StringComparer.Ordinal)
            .Take(MaxStrengths)
            .ToList();

        var gaps = new List<Gap>();
        foreach (var score in questions)
        {
            var question = session.Plan[score.Index - 1];
            foreach (var keyPoint in question.KeyPoints.OrderByDescending(k => k.Weight))
            {
                var status = score.KeyPoints.First(k => k.Id == keyPoint.Id).Status;
                if (status != KeyPointStatus.Covered)
                {
                    gaps.Add(new Gap(question.Id, keyPoint.Id, keyPoint.Text, status, StudyText(question, keyPoint)));
                }
            }
        }

        return new CompletedMessage(session.Id, session.Status == InterviewStatus.Completed ? "completed" : "ended", overall, questions, strengths, gaps);
    }

    /// <summary>A question's score over its answers: each key point at its best status across them (the union).</summary>
    public static QuestionScore ScoreQuestion(int questionIndex, Question question, IReadOnlyList<InterviewTurn> turns)
    {
        var grades = turns.Where(t => t.Grade is not null).Select(t => t.Grade!).ToList();
        var union = question.KeyPoints.Select(k => Best(k, grades)).ToList();
        var score = grades.Count == 0 ? 0 : Scoring.Score(question, union);
        return new QuestionScore(
            question.Id,
            question.Text,
            question.Category,
            questionIndex + 1,
            score,
            Skipped: grades.Count == 0,
            FollowUpAsked: turns.Any(t => t.IsFollowUp),
            union.Select(k => new KeyPointResult(k.Id, k.Text, k.Status)).ToList());
    }

    private static KeyPointGrade Best(KeyPoint keyPoint, IReadOnlyList<GradeResult> grades)
    {
        KeyPointGrade? best = null;
        foreach (var grade in grades)
        {
            var candidate = grade.KeyPoints.FirstOrDefault(k => k.Id == keyPoint.Id);
            if (candidate is not null && (best is null
                || Scoring.Credit(candidate.Status) > Scoring.Credit(best.Status)
                || (candidate.Status == best.Status && candidate.Coverage > best.Coverage)))
            {
                best = candidate;
            }
        }
        return best ?? new KeyPointGrade(keyPoint.Id, keyPoint.Text, KeyPointStatus.Missing, 0, []);
    }

    /// <summary>The model answer's sentence that names most of the key point's concepts; the whole model answer when none does.</summary>
    internal static string StudyText(Question question, KeyPoint keyPoint)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var sentences = question.ModelAnswer.Split(['.', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? best = null;
        var bestHits = 0;
        foreach (var sentence in sentences)
        {
            var hits = keyPoint.Concepts.Count(c => c.Phrases.Any(p => compare.IndexOf(sentence, p, options) >= 0));
            if (hits > bestHits)
            {
                (best, bestHits) = (sentence, hits);
            }
        }
        return best is null ? question.ModelAnswer.Trim() : best.TrimEnd() + ".";
    }
}
