using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Analysis;

/// <summary>One human score of one answer, resolved to its question and graded: what <see cref="CalibrationAnswers.Group"/> takes.</summary>
/// <param name="Line">Input line.</param>
/// <param name="AnswerId">The answer's id, when given.</param>
/// <param name="Question">The question graded against.</param>
/// <param name="Drafted">True when the rubric was drafted from a reference answer.</param>
/// <param name="Answer">The answer's text.</param>
/// <param name="Score">The human score.</param>
/// <param name="MaxScore">The top of the human scale.</param>
/// <param name="Rater">The rater, when given.</param>
/// <param name="KeyPoints">Key point ids the rater marked covered (empty when none).</param>
/// <param name="Grade">The grader's grade of the answer.</param>
public sealed record ScoredRow(int Line, string? AnswerId, Question Question, bool Drafted, string Answer, double Score, double MaxScore,
    string? Rater, IReadOnlyList<string> KeyPoints, GradeResult Grade);

/// <summary>Groups score rows into answers: rows of several raters for the same answer become one answer with several scores.</summary>
public static class CalibrationAnswers
{
    /// <summary>What makes two rows one answer: the same question and answer id, or without an id the same text.</summary>
    internal static string Key(string questionId, string? answerId, string answer) =>
        questionId + "\u0001" + (answerId ?? "text:" + answer.Trim());

    /// <summary>
    /// Groups rows by question and answer id (or, without an id, by the answer's exact text). A second score from the same
    /// rater for the same answer, or a max_score that differs from the answer's first row, is reported and left out.
    /// Rows without a rater name are named by their position within the answer (<c>#1</c>, <c>#2</c>…).
    /// </summary>
    public static (IReadOnlyList<GradedCalibrationAnswer> Answers, IReadOnlyList<CalibrationProblemEntry> Problems) Group(IEnumerable<ScoredRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<CalibrationProblemEntry>();
        var order = new List<(string Key, List<ScoredRow> Rows)>();
        var byKey = new Dictionary<string, List<ScoredRow>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = Key(row.Question.Id, row.AnswerId, row.Answer);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
                order.Add((key, list));
            }
            list.Add(row);
        }

        var answers = new List<GradedCalibrationAnswer>();
        foreach (var (_, list) in order)
        {
            var first = list[0];
            var scores = new List<HumanScore>();
            var marked = new HashSet<string>(StringComparer.Ordinal);
            var anyMarked = false;
            foreach (var row in list)
            {
                var rater = string.IsNullOrWhiteSpace(row.Rater) ? $"#{scores.Count(s => s.Rater.StartsWith('#')) + 1}" : row.Rater.Trim();
                if (row.MaxScore != first.MaxScore)
                {
                    problems.Add(new CalibrationProblemEntry(row.Line, $"max_score {row.MaxScore} differs from {first.MaxScore} on line {first.Line} for the same answer"));
                    continue;
                }
                if (scores.FirstOrDefault(s => s.Rater == rater) is { } earlier)
                {
                    problems.Add(new CalibrationProblemEntry(row.Line, $"rater '{rater}' already scored this answer on line {earlier.Line}"));
                    continue;
                }
                scores.Add(new HumanScore(rater, row.Score, row.Line));
                if (row.KeyPoints.Count > 0)
                {
                    anyMarked = true;
                    marked.UnionWith(row.KeyPoints);
                }
            }
            var unknown = marked.Where(id => first.Question.KeyPoints.All(k => k.Id != id)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new CalibrationProblemEntry(first.Line, $"key_points names {string.Join(", ", unknown)}, not key points of question '{first.Question.Id}' (ignored)"));
                marked.ExceptWith(unknown);
            }
            var answer = new CalibrationAnswer(first.AnswerId ?? $"line-{first.Line}", first.Question, first.Drafted, first.Answer, first.MaxScore, scores,
                anyMarked ? marked : null);
            answers.Add(new GradedCalibrationAnswer(answer, first.Grade));
        }
        return (answers, problems);
    }
}
