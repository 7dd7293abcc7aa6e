using Interviewer.Api.Interviews;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Api.Candidates;

/// <summary>
/// A candidate's progress from their sessions as the candidate sees them (<see cref="InterviewWire.Completed"/> with the
/// candidate's audience): the scores are the summary's — one rule, <see cref="Scoring"/> — and a key point's text appears
/// only where the candidate has already been shown it.
/// </summary>
internal static class CandidateProgress
{
    public const int MaxInterviews = 50;
    public const int MaxWeakKeyPoints = 5;
    public const int MaxWeakQuestions = 5;

    public static ProgressReport Build(string candidateId, IReadOnlyList<InterviewSession> newestFirst)
    {
        var seen = newestFirst.Select(s => (Session: s, Summary: InterviewWire.Completed(s, Audience.CandidateOf(s)))).ToList();
        var interviews = seen.Select(v => new PastInterview(
            v.Session.Id,
            v.Session.CreatedAt,
            v.Summary.Status,
            InterviewWire.Bank(v.Session),
            v.Summary.OverallScore,
            v.Summary.Answered,
            v.Summary.Total,
            v.Summary.Questions.Select(q => new PastQuestion(q.QuestionId, q.Text, q.Category, q.Index, q.Score, q.Status)).ToList(),
            Categories(v.Session, v.Summary.Questions))).ToList();

        var questions = WeakQuestions(seen);
        var weak = new WeakAreas(questions, WeakKeyPoints(seen), WeakCategories(seen));
        return new ProgressReport(candidateId, interviews, weak, Plan(questions));
    }

    private static List<CategoryScore> Categories(InterviewSession session, IEnumerable<QuestionScore> questions) =>
        questions.GroupBy(q => q.Category)
            .Select(g => new CategoryScore(session.Bank.Id, g.Key, session.Bank.FindCategory(g.Key)?.Title ?? g.Key, Mean(g.Select(q => q.Score ?? 0)), g.Count()))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    // Over every interview, the same rule as one interview's: the mean of the planned questions' scores.
    private static List<CategoryScore> WeakCategories(IEnumerable<(InterviewSession Session, CompletedMessage Summary)> seen) =>
        seen.SelectMany(v => v.Summary.Questions.Select(q => (v.Session.Bank, Question: q)))
            .GroupBy(x => (x.Bank.Id, x.Question.Category))
            .Select(g => new CategoryScore(g.Key.Id, g.Key.Category, g.First().Bank.FindCategory(g.Key.Category)?.Title ?? g.Key.Category,
                Mean(g.Select(x => x.Question.Score ?? 0)), g.Count()))
            .Where(c => c.Score < InterviewSummary.StrengthThreshold)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    // Questions asked (answered or skipped), by their most recent score; newestFirst makes the first one met the latest.
    private static List<WeakQuestion> WeakQuestions(IEnumerable<(InterviewSession Session, CompletedMessage Summary)> seen) =>
        seen.SelectMany(v => v.Summary.Questions
                .Where(q => q.Status != InterviewSummary.NotReached)
                .Select(q => (BankId: v.Session.Bank.Id, Question: q)))
            .GroupBy(x => (x.BankId, x.Question.QuestionId))
            .Select(g => new WeakQuestion(g.Key.BankId, g.Key.QuestionId, g.First().Question.Text, g.First().Question.Category, g.First().Question.Score ?? 0, g.Count()))
            .Where(q => q.LastScore < InterviewSummary.StrengthThreshold)
            .OrderBy(q => q.LastScore)
            .ThenByDescending(q => q.Asked)
            .Take(MaxWeakQuestions)
            .ToList();

    // Only key points the candidate's own summaries carry: answered questions, shown as the session's feedback allows.
    private static List<WeakKeyPoint> WeakKeyPoints(IEnumerable<(InterviewSession Session, CompletedMessage Summary)> seen) =>
        seen.SelectMany(v => v.Summary.Questions
                .Where(q => q.KeyPoints is not null)
                .SelectMany(q => q.KeyPoints!.Select(k => (BankId: v.Session.Bank.Id, Question: q, KeyPoint: k))))
            .GroupBy(x => (x.BankId, x.Question.QuestionId, x.KeyPoint.Id))
            .Select(g =>
            {
                var latest = g.First();
                return new WeakKeyPoint(g.Key.BankId, g.Key.QuestionId, latest.Question.Text, latest.Question.Category, g.Key.Id, latest.KeyPoint.Text,
                    latest.KeyPoint.Weight, g.Count(x => x.KeyPoint.Status != KeyPointStatus.Covered), g.Count());
            })
            .Where(k => k.Missed > 0)
            .OrderByDescending(k => k.Missed)
            .ThenByDescending(k => (double)k.Missed / k.Seen)
            .ThenByDescending(k => k.Weight)
            .Take(MaxWeakKeyPoints)
            .ToList();

    // The weakest questions of the bank the weakest one is from.
    private static PracticePlan? Plan(IReadOnlyList<WeakQuestion> questions) =>
        questions.Count == 0
            ? null
            : new PracticePlan(questions[0].BankId, questions.Where(q => q.BankId == questions[0].BankId).Select(q => q.QuestionId).ToList());

    private static double Mean(IEnumerable<double> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? 0 : Scoring.Round(list.Average());
    }
}
