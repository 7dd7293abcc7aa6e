using System.Text.Json;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Rubrics.Comparison;

/// <summary>
/// Compares two runs: two grade outputs (<c>{ results, summary }</c>, the CLI's and the API's JSON) or two calibration
/// reports. Used by <c>interviewer compare</c> and <c>GET /api/runs/compare</c>.
/// </summary>
public static class RunComparer
{
    /// <summary>The kind of a run's JSON: <c>grade</c>, <c>calibration</c>, or null when it is neither.</summary>
    public static string? KindOf(JsonElement run) =>
        run.ValueKind != JsonValueKind.Object ? null
        : run.TryGetProperty("results", out _) && run.TryGetProperty("summary", out _) ? "grade"
        : run.TryGetProperty("overall", out _) && run.TryGetProperty("questions", out _) ? "calibration"
        : null;

    /// <summary>Compares run <paramref name="a"/> with run <paramref name="b"/> (JSON as the CLI and the API write them).</summary>
    /// <exception cref="FormatException">A run is neither kind, or the two are of different kinds; the message says which.</exception>
    public static RunComparison Compare(JsonElement a, JsonElement b)
    {
        var kindA = KindOf(a) ?? throw new FormatException("A is neither a grade output ({ results, summary }) nor a calibration report.");
        var kindB = KindOf(b) ?? throw new FormatException("B is neither a grade output ({ results, summary }) nor a calibration report.");
        if (kindA != kindB)
        {
            throw new FormatException($"A is a {kindA} run and B a {kindB} run; compare two of the same kind.");
        }
        return kindA == "grade"
            ? Grades(a.Deserialize<BatchReport>(InterviewerJson.Options)!, b.Deserialize<BatchReport>(InterviewerJson.Options)!)
            : Calibrations(a.Deserialize<CalibrationReport>(InterviewerJson.Options)!, b.Deserialize<CalibrationReport>(InterviewerJson.Options)!);
    }

    private static RunComparison Grades(BatchReport a, BatchReport b)
    {
        var overall = new List<FigureChange>
        {
            Figure("meanScore", a.Summary.MeanScore, b.Summary.MeanScore),
            Figure("medianScore", a.Summary.MedianScore, b.Summary.MedianScore),
            Figure("graded", a.Summary.Graded, b.Summary.Graded),
            Figure("failed", a.Summary.Failed, b.Summary.Failed),
            Figure("degraded", a.Summary.Degraded, b.Summary.Degraded),
            Figure("flagged", a.Summary.Flagged, b.Summary.Flagged),
        };
        var questionsB = b.Summary.Questions.ToDictionary(q => q.QuestionId, StringComparer.Ordinal);
        var questions = a.Summary.Questions.Select(q => q.QuestionId).Union(questionsB.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id =>
            {
                var qa = a.Summary.Questions.FirstOrDefault(q => q.QuestionId == id);
                var qb = questionsB.GetValueOrDefault(id);
                return new QuestionChange(id, [Figure("meanScore", qa?.MeanScore, qb?.MeanScore), Figure("graded", qa?.Graded, qb?.Graded)]);
            })
            .ToList();

        var byKeyB = Keyed(b.Results);
        var answers = new List<AnswerChange>();
        var keyPoints = new Dictionary<(string Question, string KeyPoint), KeyPointTally>();
        var matchedB = new HashSet<string>(StringComparer.Ordinal);
        var onlyInA = 0;
        foreach (var (key, ra) in Keyed(a.Results))
        {
            if (!byKeyB.TryGetValue(key, out var rb))
            {
                onlyInA++;
                continue;
            }
            matchedB.Add(key);
            Tally(keyPoints, ra.Grade, isA: true);
            Tally(keyPoints, rb.Grade, isA: false);
            var statusesB = rb.Grade?.KeyPoints.ToDictionary(k => k.Id, k => k.Status, StringComparer.Ordinal) ?? [];
            var flips = new List<StatusFlip>();
            foreach (var point in ra.Grade?.KeyPoints ?? [])
            {
                if (statusesB.TryGetValue(point.Id, out var to) && to != point.Status)
                {
                    flips.Add(new StatusFlip(point.Id, Name(point.Status), Name(to)));
                    var tally = keyPoints[(ra.Grade!.QuestionId, point.Id)];
                    if (to > point.Status)
                    {
                        tally.Up++;
                    }
                    else
                    {
                        tally.Down++;
                    }
                }
            }
            var delta = Delta(ra.Grade?.Score, rb.Grade?.Score);
            if (flips.Count > 0 || delta is not (null or 0) || (ra.Grade is null) != (rb.Grade is null))
            {
                answers.Add(new AnswerChange(key, ra.QuestionId ?? rb.QuestionId, ra.Grade?.Score, rb.Grade?.Score, delta, flips));
            }
        }
        var keyPointChanges = keyPoints.OrderBy(k => k.Key.Question, StringComparer.Ordinal).ThenBy(k => k.Key.KeyPoint, StringComparer.Ordinal)
            .Select(k => new KeyPointChange(k.Key.Question, k.Key.KeyPoint, k.Value.Text,
                [Figure("coveredRate", k.Value.RateA, k.Value.RateB)], k.Value.Up, k.Value.Down))
            .ToList();
        return new RunComparison("grade", Origin(a.Summary.Bank, a.Summary.Grader), Origin(b.Summary.Bank, b.Summary.Grader),
            overall, questions, keyPointChanges, answers, onlyInA, byKeyB.Count - matchedB.Count);
    }

    private static RunComparison Calibrations(CalibrationReport a, CalibrationReport b)
    {
        var questionsB = b.Questions.ToDictionary(q => q.QuestionId, StringComparer.Ordinal);
        var questions = a.Questions.Select(q => q.QuestionId).Union(questionsB.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new QuestionChange(id, Figures(a.Questions.FirstOrDefault(q => q.QuestionId == id)?.Figures, questionsB.GetValueOrDefault(id)?.Figures)))
            .ToList();
        var pointsB = b.KeyPoints.ToDictionary(k => (k.QuestionId, k.KeyPointId));
        var keyPoints = a.KeyPoints.Select(k => (k.QuestionId, k.KeyPointId)).Union(pointsB.Keys).OrderBy(k => k.QuestionId, StringComparer.Ordinal).ThenBy(k => k.KeyPointId, StringComparer.Ordinal)
            .Select(key =>
            {
                var ka = a.KeyPoints.FirstOrDefault(k => (k.QuestionId, k.KeyPointId) == key);
                var kb = pointsB.GetValueOrDefault(key);
                return new KeyPointChange(key.QuestionId, key.KeyPointId, ka?.Text ?? kb?.Text,
                    [Figure("matchRate", ka?.MatchRate, kb?.MatchRate), Figure("coveredRate", ka?.CoveredRate, kb?.CoveredRate)], 0, 0);
            })
            .ToList();
        return new RunComparison("calibration", Origin(a.Bank, a.Grader), Origin(b.Bank, b.Grader), Figures(a.Overall, b.Overall), questions, keyPoints, [], 0, 0);
    }

    private static List<FigureChange> Figures(AgreementFigures? a, AgreementFigures? b) =>
    [
        Figure("n", a?.N, b?.N),
        Figure("pearson", a?.Pearson.Value, b?.Pearson.Value),
        Figure("spearman", a?.Spearman.Value, b?.Spearman.Value),
        Figure("qwk", a?.Qwk.Value, b?.Qwk.Value),
        Figure("mae", a?.Mae.Value, b?.Mae.Value),
        Figure("bias", a?.Bias.Value, b?.Bias.Value),
    ];

    private static Dictionary<string, BatchResult> Keyed(IEnumerable<BatchResult> results)
    {
        var keyed = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            keyed.TryAdd(result.Id ?? $"line {result.Line}", result);
        }
        return keyed;
    }

    private static void Tally(Dictionary<(string, string), KeyPointTally> tallies, GradeResult? grade, bool isA)
    {
        foreach (var point in grade?.KeyPoints ?? [])
        {
            if (!tallies.TryGetValue((grade!.QuestionId, point.Id), out var tally))
            {
                tallies[(grade.QuestionId, point.Id)] = tally = new KeyPointTally { Text = point.Text };
            }
            var covered = point.Status == KeyPointStatus.Covered ? 1 : 0;
            if (isA)
            {
                tally.SeenA++;
                tally.CoveredA += covered;
            }
            else
            {
                tally.SeenB++;
                tally.CoveredB += covered;
            }
        }
    }

    private static string Name(KeyPointStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static RunOrigin Origin(Model.BankRef bank, string grader) => new(bank.Id, bank.Version, grader);

    private static FigureChange Figure(string name, double? a, double? b) => new(name, a, b, Delta(a, b));

    private static double? Delta(double? a, double? b) => a is { } x && b is { } y ? Math.Round(y - x, 4) : null;

    private sealed class KeyPointTally
    {
        public string? Text { get; init; }
        public int SeenA { get; set; }
        public int SeenB { get; set; }
        public int CoveredA { get; set; }
        public int CoveredB { get; set; }
        public int Up { get; set; }
        public int Down { get; set; }
        public double? RateA => SeenA == 0 ? null : Math.Round((double)CoveredA / SeenA, 4);
        public double? RateB => SeenB == 0 ? null : Math.Round((double)CoveredB / SeenB, 4);
    }
}
