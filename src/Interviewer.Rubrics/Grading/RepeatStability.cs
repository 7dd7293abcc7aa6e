using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Grading;

/// <summary>
/// How much a grader's verdict on one answer varies when the answer is graded again: for <c>interviewer grade --repeat N</c>.
/// </summary>
public static class RepeatStability
{
    /// <summary>Grades <paramref name="request"/> <paramref name="repeat"/> times, one after the other, and reports the spread.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repeat"/> is less than 1.</exception>
    public static async Task<StabilityReport> MeasureAsync(IAnswerGrader grader, GradeRequest request, int repeat, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var grades = new List<GradeResult>(repeat);
        for (var i = 0; i < repeat; i++)
        {
            grades.Add(await grader.GradeAsync(request, ct).ConfigureAwait(false));
        }
        return Of(request, grades);
    }

    /// <summary>The spread of grades already made of one answer.</summary>
    public static StabilityReport Of(GradeRequest request, IReadOnlyList<GradeResult> grades)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grades);
        if (grades.Count == 0)
        {
            throw new ArgumentException("At least one grade is needed.", nameof(grades));
        }
        var scores = grades.Select(g => g.Score).ToList();
        var mean = scores.Average();
        var spread = new ScoreSpread(
            scores.Min(),
            scores.Max(),
            Math.Round(mean, 2, MidpointRounding.AwayFromZero),
            Math.Round(Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count), 2, MidpointRounding.AwayFromZero));
        var keyPoints = request.Question.KeyPoints.Select(k =>
        {
            var statuses = grades.Select(g => g.KeyPoints.FirstOrDefault(p => p.Id == k.Id)?.Status ?? KeyPointStatus.Missing).ToList();
            return new KeyPointSpread(
                k.Id,
                statuses.Count(s => s == KeyPointStatus.Covered),
                statuses.Count(s => s == KeyPointStatus.Partial),
                statuses.Count(s => s == KeyPointStatus.Missing));
        }).ToList();
        return new StabilityReport(request.Question.Id, grades.Count, grades.Count(g => g.Degraded), spread, keyPoints) { Grades = grades };
    }

    /// <summary>Totals over many answers' reports: the mean standard deviation and how many answers the model graded the same every time.</summary>
    public static StabilitySummary Summarize(IReadOnlyList<StabilityReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return new StabilitySummary(
            reports.Count,
            reports.Count(r => r.IsStable),
            reports.Count == 0 ? 0 : Math.Round(reports.Average(r => r.Score.StdDev), 2, MidpointRounding.AwayFromZero),
            reports.Count == 0 ? 0 : reports.Max(r => r.Score.Max - r.Score.Min),
            reports.Sum(r => r.DegradedRuns));
    }
}

/// <summary>The spread of one answer's grades over repeated runs.</summary>
/// <param name="QuestionId">The question answered.</param>
/// <param name="Runs">How many times the answer was graded.</param>
/// <param name="DegradedRuns">How many of those fell back to the keyword grade (their scores are in the spread too).</param>
/// <param name="Score">Min, max, mean and standard deviation of the score.</param>
/// <param name="KeyPoints">Per key point, how often each status was given.</param>
public sealed record StabilityReport(string QuestionId, int Runs, int DegradedRuns, ScoreSpread Score, IReadOnlyList<KeyPointSpread> KeyPoints)
{
    /// <summary>True when no run fell back to the keyword grade and every run gave the same score and the same status to every key point.</summary>
    public bool IsStable => DegradedRuns == 0 && Score.Min == Score.Max && KeyPoints.All(k => k.IsStable);

    /// <summary>The grades themselves, in run order; not part of the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<GradeResult> Grades { get; init; } = [];
}

/// <summary>Score statistics over repeated runs.</summary>
/// <param name="Min">Lowest score.</param>
/// <param name="Max">Highest score.</param>
/// <param name="Mean">Mean score, two decimals.</param>
/// <param name="StdDev">Population standard deviation of the score, two decimals.</param>
public sealed record ScoreSpread(double Min, double Max, double Mean, double StdDev);

/// <summary>How often each status was given to one key point over repeated runs.</summary>
/// <param name="Id">The key point's id.</param>
/// <param name="Covered">Runs that said covered.</param>
/// <param name="Partial">Runs that said partial.</param>
/// <param name="Missing">Runs that said missing.</param>
public sealed record KeyPointSpread(string Id, int Covered, int Partial, int Missing)
{
    /// <summary>True when every run gave the same status.</summary>
    public bool IsStable => new[] { Covered, Partial, Missing }.Count(n => n > 0) <= 1;

    /// <summary>The status given most often (covered first on ties).</summary>
    public KeyPointStatus Mode => Covered >= Partial && Covered >= Missing ? KeyPointStatus.Covered
        : Partial >= Missing ? KeyPointStatus.Partial
        : KeyPointStatus.Missing;
}

/// <summary>Stability over many answers.</summary>
/// <param name="Answers">Answers graded repeatedly.</param>
/// <param name="StableAnswers">Answers graded by the model on every run, with the same score and statuses each time.</param>
/// <param name="MeanStdDev">Mean over answers of the score's standard deviation.</param>
/// <param name="WorstRange">The largest max − min score of any answer.</param>
/// <param name="DegradedRuns">Runs, over all answers, that fell back to the keyword grade.</param>
public sealed record StabilitySummary(int Answers, int StableAnswers, double MeanStdDev, double WorstRange, int DegradedRuns);
