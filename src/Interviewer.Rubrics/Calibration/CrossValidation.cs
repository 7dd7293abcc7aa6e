using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration;

/// <summary>
/// k-fold cross-validation within each question: the question's answers are dealt into <see cref="Folds"/> folds (in
/// a shuffled order fixed by <see cref="Seed"/>), and each answer is graded with the other folds' answers of its
/// question as exemplars, so the figures are what to expect on answers the exemplars do not contain.
/// </summary>
/// <param name="Folds">Number of folds, at least 2 (default 5).</param>
/// <param name="MaxExemplars">At most this many exemplars per question, taken from the other folds in the shuffled order; null for all of them.</param>
/// <param name="Seed">Fixes the shuffle, so the same input gives the same report.</param>
public sealed record CrossValidation(int Folds = CrossValidation.DefaultFolds, int? MaxExemplars = null, int Seed = 1)
{
    /// <summary>The number of folds when none is given.</summary>
    public const int DefaultFolds = 5;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds, or a negative exemplar cap.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2);
        if (MaxExemplars is { } cap)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cap);
        }
    }

    /// <summary>For each row (same order), its question with the other folds' answers of that question as exemplars.</summary>
    internal IReadOnlyList<Question> Assign(IReadOnlyList<(CalibrationRow Row, Question Question)> rows)
    {
        Validate();
        // An answer is one unit (several raters' rows of one answer stay in one fold), keyed as calibration groups them.
        var answers = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var byQuestion = new Dictionary<Question, List<Unit>>(ReferenceEqualityComparer.Instance);
        var unitOfRow = new Unit[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var (row, question) = rows[r];
            var key = CalibrationAnswers.Key(question.Id, row.AnswerId, row.Answer);
            if (!answers.TryGetValue(key, out var unit))
            {
                answers[key] = unit = new Unit(row.AnswerId ?? $"line-{row.Line}", row.Answer, row.MaxScore);
                if (!byQuestion.TryGetValue(question, out var list))
                {
                    byQuestion[question] = list = [];
                }
                list.Add(unit);
            }
            unit.Scores.Add(row.Score);
            unitOfRow[r] = unit;
        }

        var random = new Random(Seed);
        var withExemplars = new Dictionary<(Question, int), Question>();
        foreach (var (question, units) in byQuestion)
        {
            var shuffled = units.ToArray();
            random.Shuffle(shuffled);
            for (var i = 0; i < shuffled.Length; i++)
            {
                shuffled[i].Fold = i % Folds;
            }
            for (var fold = 0; fold < Math.Min(Folds, shuffled.Length); fold++)
            {
                var exemplars = shuffled.Where(u => u.Fold != fold).Take(MaxExemplars ?? int.MaxValue)
                    .Select(u => new Exemplar(u.Id, u.Answer, u.Scores.Average(), u.MaxScore) { Source = "cross-validation" })
                    .ToList();
                withExemplars[(question, fold)] = question with { Exemplars = exemplars };
            }
        }
        return [.. rows.Select((r, i) => withExemplars[(r.Question, unitOfRow[i].Fold)])];
    }

    private sealed class Unit(string id, string answer, double maxScore)
    {
        public string Id { get; } = id;

        public string Answer { get; } = answer;

        public double MaxScore { get; } = maxScore;

        public List<double> Scores { get; } = [];

        public int Fold { get; set; }
    }
}
