using System.Globalization;
using System.Runtime.CompilerServices;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Interviews;

/// <summary>The end-of-interview summary as reviewers see it: scores, strengths and gaps (candidates get <see cref="CandidateView"/>).</summary>
internal static class InterviewSummary
{
    /// <summary>An answered question scoring at least this is a strength.</summary>
    public const double StrengthThreshold = 80;

    public const string Answered = "answered";
    public const string Skipped = "skipped";
    public const string NotReached = "not_reached";

    // A key point's study text depends only on its question (banks never change once loaded), and finding it compares
    // every sentence with every phrase under the culture's rules: computed once per question, not at every summary.
    private static readonly ConditionalWeakTable<Question, string[]> StudyTexts = [];

    public static CompletedMessage Summarize(InterviewSession session)
    {
        var questions = Questions(session);
        var answered = questions.Where(q => q.Status == Answered).ToList();
        var overall = Overall(questions);

        var strengths = answered
            .Where(q => q.Score >= StrengthThreshold)
            .OrderByDescending(q => q.Score)
            .ThenBy(q => q.Index)
            .Select(q => new Strength(q.QuestionId, q.Text, q.Category, session.Bank.FindCategory(q.Category)?.Title ?? q.Category, q.Score ?? 0))
            .ToList();

        var gaps = new List<QuestionGaps>();
        foreach (var score in answered)
        {
            var question = session.Plan[score.Index - 1];
            var study = StudyTexts.GetValue(question, q => q.KeyPoints.Select(k => StudyText(q, k)).ToArray());
            var missed = question.KeyPoints
                .Select((k, i) => (KeyPoint: k, Status: score.KeyPoints!.First(r => r.Id == k.Id).Status, Study: study[i]))
                .Where(k => k.Status != KeyPointStatus.Covered)
                .OrderByDescending(k => k.KeyPoint.Weight)
                .Select(k => new Gap(k.KeyPoint.Id, k.KeyPoint.Text, k.Status, k.KeyPoint.Weight, k.Study))
                .ToList();
            if (missed.Count > 0)
            {
                gaps.Add(new QuestionGaps(question.Id, question.Text, score.Index, score.Score ?? 0, missed));
            }
        }

        return new CompletedMessage(session.Id, InterviewWire.StatusName(session.Status), overall, answered.Count, questions.Count, questions, strengths, gaps);
    }

    /// <summary>The summary's overall score alone (what the store keeps), without its strengths and gaps.</summary>
    public static double OverallScore(InterviewSession session) => Overall(Questions(session));

    private static List<QuestionScore> Questions(InterviewSession session) =>
        session.Plan.Select((question, index) => ScoreQuestion(session, index, question)).ToList();

    private static double Overall(List<QuestionScore> questions) =>
        Scoring.Round(questions.Sum(q => q.Score ?? 0) / Math.Max(1, questions.Count));

    /// <summary>A planned question's result: its last question score (<see cref="Scoring.QuestionScore(Question, IEnumerable{GradeResult})"/> over its answers) and whether it was answered, skipped or not reached.</summary>
    private static QuestionScore ScoreQuestion(InterviewSession session, int index, Question question)
    {
        var turns = session.Turns.Where(t => t.QuestionIndex == index).ToList();
        var status = turns.Any(t => t.Answer is not null) ? Answered : turns.Any(t => t.Skipped) ? Skipped : NotReached;
        var grades = turns.Where(t => t.Grade is not null).Select(t => t.Grade!).ToList();
        var best = Scoring.Best(question, grades.Select(g => g.KeyPoints));
        return new QuestionScore(
            question.Id,
            question.Text,
            question.Category,
            index + 1,
            status == Answered ? Scoring.QuestionScore(question, grades) : 0,
            status,
            FollowUpAsked: turns.Any(t => t.IsFollowUp),
            status == Answered
                ? question.KeyPoints.Select((k, i) => new KeyPointResult(k.Id, k.Text, best[i].Status, k.Weight)).ToList()
                : null);
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
