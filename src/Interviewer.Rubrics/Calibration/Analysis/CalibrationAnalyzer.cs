using System.Globalization;
using Interviewer.Rubrics.Calibration.Diagnostics;
using Interviewer.Rubrics.Calibration.Statistics;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Analysis;

/// <summary>How a calibration report is computed.</summary>
/// <param name="Iterations">Bootstrap resamples (default 1,000).</param>
/// <param name="Seed">Bootstrap seed: fixed, so reports repeat.</param>
/// <param name="Disagreements">How many of the largest disagreements to list.</param>
/// <param name="Suggestions">Most suggestions to make.</param>
/// <param name="CrossValidation">Grade each answer with the other folds' answers of its question as exemplars; null to grade with the bank as it is.</param>
public sealed record CalibrationOptions(int Iterations = Bootstrap.DefaultIterations, int Seed = Bootstrap.DefaultSeed, int Disagreements = 10, int Suggestions = 20,
    CrossValidation? CrossValidation = null);

/// <summary>Turns graded answers with human scores into a <see cref="CalibrationReport"/>.</summary>
public static class CalibrationAnalyzer
{
    /// <summary>Computes every statistic and diagnostic of the report.</summary>
    /// <param name="bank">The bank graded against (its id and version go into the report).</param>
    /// <param name="grader">The grader's name.</param>
    /// <param name="answers">The graded answers.</param>
    /// <param name="problems">Rows left out while reading.</param>
    /// <param name="rowsRead">Score rows read (after expanding several-rater columns).</param>
    /// <param name="options">Bootstrap and list sizes; defaults when null.</param>
    public static CalibrationReport Analyze(BankRef bank, string grader, IReadOnlyList<GradedCalibrationAnswer> answers,
        IReadOnlyList<CalibrationProblemEntry> problems, int rowsRead, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(problems);
        options ??= new CalibrationOptions();
        var scale = ScaleOf(answers);
        var human = answers.Select(a => OnScale(a.Answer.HumanMean, a.Answer.MaxScore, scale)).ToArray();
        var machine = answers.Select(a => scale.Normalized ? a.Grade.Score : a.GraderOnHumanScale).ToArray();

        var overall = Figures(human, machine, scale, options);
        var questions = answers
            .Select((a, i) => (a, i))
            .GroupBy(t => t.a.Answer.Question.Id, StringComparer.Ordinal)
            .Select(g => new QuestionAgreement(g.Key, g.First().a.Answer.Question.Text, g.First().a.Answer.Drafted,
                Figures(g.Select(t => human[t.i]).ToArray(), g.Select(t => machine[t.i]).ToArray(), scale, options)))
            .ToList();
        var raters = Raters(answers, machine, scale, options);
        var keyPoints = KeyPointReports(answers, human);
        var candidates = CandidatePhraseFinder.Find(answers);
        var diagnostics = new DiagnosticsReport(
            Largest(answers, human, machine, options.Disagreements),
            keyPoints.Where(k => k.Answers >= 3 && k.MatchRate == 0).Select(Ref).ToList(),
            keyPoints.Where(k => k.Answers >= 3 && k.CoveredRate >= 1).Select(Ref).ToList(),
            candidates);
        var used = answers.Sum(a => a.Answer.Scores.Count);

        var comparison = Compare(raters);
        return new CalibrationReport(
            bank, grader, scale,
            new RowCounts(rowsRead, used, problems.Count, answers.Count),
            problems.OrderBy(p => p.Line).ToList(),
            new BootstrapInfo(options.Iterations, options.Seed, "answer"),
            Headline(overall, raters, comparison),
            overall, questions, raters, keyPoints,
            Confusion(human, machine, scale),
            answers.Select((a, i) => new ScorePoint(a.Answer.AnswerId, a.Answer.Question.Id, Math.Round(human[i], 3), Math.Round(machine[i], 3))).ToList(),
            diagnostics,
            CandidatePhraseFinder.Suggest(answers, candidates, options.Suggestions)) { Comparison = comparison };
    }

    /// <summary>The scale the report's figures are on; see docs/calibration.md.</summary>
    public static ScaleInfo ScaleOf(IReadOnlyList<GradedCalibrationAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var maxima = answers.Select(a => a.Answer.MaxScore).Distinct().ToList();
        if (maxima.Count > 1)
        {
            return new ScaleInfo(100, Enumerable.Range(0, 11).Select(i => i * 10.0).ToList(), Normalized: true);
        }
        var max = maxima.Count == 1 ? maxima[0] : 100;
        var values = answers.SelectMany(a => a.Answer.Scores).Select(s => s.Score).Distinct().Order().ToList();
        if (max <= 100 && max == Math.Floor(max) && values.All(v => v == Math.Floor(v)))
        {
            return new ScaleInfo(max, Enumerable.Range(0, (int)max + 1).Select(i => (double)i).ToList(), false);
        }
        if (values.Count <= 21)
        {
            return new ScaleInfo(max, values.Append(0).Append(max).Distinct().Order().ToList(), false);
        }
        return new ScaleInfo(max, Enumerable.Range(0, 11).Select(i => i * max / 10).ToList(), false);
    }

    private static double OnScale(double score, double max, ScaleInfo scale) => scale.Normalized ? score * 100 / max : score;

    internal static AgreementFigures Figures(double[] human, double[] machine, ScaleInfo scale, CalibrationOptions options)
    {
        Measure Boot(Func<IReadOnlyList<double>, IReadOnlyList<double>, Estimate> statistic) =>
            Bootstrap.Paired(machine, human, statistic, options.Iterations, options.Seed);
        return new AgreementFigures(
            human.Length,
            Boot(PairedStatistics.Pearson),
            Boot(PairedStatistics.Spearman),
            Boot((x, y) => PairedStatistics.WeightedKappa(x, y, scale.Points)),
            Boot(PairedStatistics.MeanAbsoluteError),
            Boot(PairedStatistics.Bias),
            human.Length == 0 ? null : Math.Round(human.Average(), 4),
            machine.Length == 0 ? null : Math.Round(machine.Average(), 4));
    }

    private static RaterAgreement? Raters(IReadOnlyList<GradedCalibrationAnswer> answers, double[] machine, ScaleInfo scale, CalibrationOptions options)
    {
        if (!answers.Any(a => a.Answer.Scores.Count >= 2))
        {
            return null;
        }
        var names = answers.SelectMany(a => a.Answer.Scores).Select(s => s.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var table = answers.Select(a => names.Select(n => a.Answer.Scores.FirstOrDefault(s => s.Rater == n) is { } s ? (double?)OnScale(s.Score, a.Answer.MaxScore, scale) : null).ToArray()).ToList();
        var units = table.Count(row => row.Count(v => v is not null) >= 2);
        var withGrader = table.Select((row, i) => row.Append(machine[i]).ToArray()).ToList();

        Measure Alpha(IReadOnlyList<double?[]> rows, AlphaMetric metric)
        {
            var estimate = KrippendorffAlpha.Compute(rows, metric);
            var ci = estimate.IsDefined
                ? Bootstrap.Interval(rows.Count, idx => KrippendorffAlpha.Compute(idx.Select(i => (IReadOnlyList<double?>)rows[i]).ToList(), metric), options.Iterations, options.Seed)
                : null;
            return Measure.From(estimate, ci);
        }

        PairAgreement Pair(string a, string b, Func<int, double?> left, Func<int, double?> right)
        {
            var both = Enumerable.Range(0, answers.Count).Where(i => left(i) is not null && right(i) is not null).ToList();
            var x = both.Select(i => left(i)!.Value).ToArray();
            var y = both.Select(i => right(i)!.Value).ToArray();
            return new PairAgreement(a, b, both.Count,
                Bootstrap.Paired(x, y, (p, q) => PairedStatistics.WeightedKappa(p, q, scale.Points), options.Iterations, options.Seed),
                Bootstrap.Paired(x, y, PairedStatistics.Pearson, options.Iterations, options.Seed),
                Bootstrap.Paired(x, y, PairedStatistics.MeanAbsoluteError, options.Iterations, options.Seed));
        }

        var pairwise = new List<PairAgreement>();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var (a, b) = (i, j);
                pairwise.Add(Pair(names[a], names[b], u => table[u][a], u => table[u][b]));
            }
        }
        var graderVs = names.Select((n, r) => Pair("grader", n, u => table[u][r] is null ? null : machine[u], u => table[u][r])).ToList();
        return new RaterAgreement(names, units, Alpha(table, AlphaMetric.Interval), Alpha(table, AlphaMetric.Ordinal), pairwise, graderVs,
            Alpha(withGrader, AlphaMetric.Interval));
    }

    private static List<KeyPointReport> KeyPointReports(IReadOnlyList<GradedCalibrationAnswer> answers, double[] human)
    {
        var reports = new List<KeyPointReport>();
        var indexed = answers.Select((a, i) => (a, i)).ToList();
        foreach (var group in indexed.GroupBy(t => t.a.Answer.Question.Id, StringComparer.Ordinal))
        {
            var question = group.First().a.Answer.Question;
            foreach (var keyPoint in question.KeyPoints)
            {
                var statuses = group.Select(t => (t.i, t.a, status: t.a.Grade.KeyPoints.FirstOrDefault(g => g.Id == keyPoint.Id)?.Status ?? KeyPointStatus.Missing)).ToList();
                var matched = statuses.Where(s => s.status != KeyPointStatus.Missing).Select(s => human[s.i]).ToList();
                var missed = statuses.Where(s => s.status == KeyPointStatus.Missing).Select(s => human[s.i]).ToList();
                var marked = statuses.Where(s => s.a.Answer.HumanKeyPoints is not null).ToList();
                reports.Add(new KeyPointReport(question.Id, keyPoint.Id, keyPoint.Text, statuses.Count,
                    Math.Round((double)matched.Count / statuses.Count, 4),
                    Math.Round((double)statuses.Count(s => s.status == KeyPointStatus.Covered) / statuses.Count, 4),
                    matched.Count == 0 ? null : Math.Round(matched.Average(), 4),
                    missed.Count == 0 ? null : Math.Round(missed.Average(), 4),
                    marked.Count == 0 ? null : KeyPointAccuracy.Compute(keyPoint.Id,
                        marked.Select(s => (s.a.Answer.HumanKeyPoints!.Contains(keyPoint.Id), s.status != KeyPointStatus.Missing)))));
            }
        }
        return reports;
    }

    private static KeyPointRef Ref(KeyPointReport k) => new(k.QuestionId, k.KeyPointId, k.Text, k.Answers);

    private static List<Disagreement> Largest(IReadOnlyList<GradedCalibrationAnswer> answers, double[] human, double[] machine, int count) =>
        Enumerable.Range(0, answers.Count)
            .OrderByDescending(i => Math.Abs(machine[i] - human[i]))
            .ThenBy(i => answers[i].Answer.AnswerId, StringComparer.Ordinal)
            .Take(count)
            .Select(i =>
            {
                var a = answers[i];
                var text = a.Answer.Answer.Length <= 600 ? a.Answer.Answer : string.Concat(a.Answer.Answer.AsSpan(0, 600), "…");
                var checklist = a.Answer.Question.KeyPoints.Select(k =>
                {
                    var grade = a.Grade.KeyPoints.FirstOrDefault(g => g.Id == k.Id);
                    return new ChecklistItem(k.Id, k.Text, grade?.Status ?? KeyPointStatus.Missing,
                        grade?.Evidence.Select(e => e.Text).ToList() ?? [],
                        a.Answer.HumanKeyPoints?.Contains(k.Id));
                }).ToList();
                return new Disagreement(a.Answer.AnswerId, a.Answer.Question.Id, Math.Round(human[i], 3), Math.Round(machine[i], 3),
                    Math.Round(machine[i] - human[i], 3), text, checklist);
            })
            .ToList();

    private static ConfusionMatrix Confusion(double[] human, double[] machine, ScaleInfo scale)
    {
        var counts = scale.Points.Select(_ => new int[scale.Points.Count]).ToArray();
        for (var i = 0; i < human.Length; i++)
        {
            counts[PairedStatistics.Snap(scale.Points, human[i])][PairedStatistics.Snap(scale.Points, machine[i])]++;
        }
        return new ConfusionMatrix(scale.Points, counts);
    }

    private static HumanComparison? Compare(RaterAgreement? raters)
    {
        if (raters is null)
        {
            return null;
        }
        var humanQwk = Math.Round(raters.Pairwise.Where(p => p.Qwk.Value is not null).Select(p => p.Qwk.Value!.Value).DefaultIfEmpty().Average(), 3);
        var graderQwk = Math.Round(raters.GraderVsRaters.Where(p => p.Qwk.Value is not null).Select(p => p.Qwk.Value!.Value).DefaultIfEmpty().Average(), 3);
        var verdict = graderQwk >= humanQwk - 0.02 ? "as_well" : graderQwk >= humanQwk - 0.15 ? "somewhat_less" : "much_less";
        return new HumanComparison(humanQwk, graderQwk, verdict);
    }

    private static string Headline(AgreementFigures overall, RaterAgreement? raters, HumanComparison? comparison)
    {
        static string F(Measure m) => m.Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "undefined";
        var grader = $"Grader vs humans on {overall.N} answers: QWK {F(overall.Qwk)}, Pearson {F(overall.Pearson)}, bias {F(overall.Bias)} points";
        if (overall.N == 0)
        {
            return "No answer could be graded: see the problems.";
        }
        if (raters is null || comparison is null)
        {
            return grader + " (one human score per answer: no inter-rater agreement to compare with).";
        }
        var verdict = comparison.Verdict switch
        {
            "as_well" => "the grader agrees with you about as well as you agree with each other",
            "somewhat_less" => "the grader agrees with you somewhat less than you agree with each other",
            _ => "the grader agrees with you much less than you agree with each other",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{grader}. Humans with each other: QWK {comparison.HumanQwk:0.00} (alpha interval {F(raters.AlphaInterval)}); grader with each human: QWK {comparison.GraderQwk:0.00} — {verdict}.");
    }
}
