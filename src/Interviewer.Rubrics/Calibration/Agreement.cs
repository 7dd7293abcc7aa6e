using Interviewer.Rubrics.Calibration.Statistics;

namespace Interviewer.Rubrics.Calibration;

/// <summary>How well two sets of scores of the same answers agree.</summary>
/// <param name="N">Number of pairs.</param>
/// <param name="Pearson">Pearson's correlation; null when undefined (fewer than two pairs, or a constant side).</param>
/// <param name="Spearman">Spearman's rank correlation (average ranks for ties); null when undefined.</param>
/// <param name="Qwk">Quadratic weighted kappa on the human scale's points; null when undefined.</param>
/// <param name="Mae">Mean absolute difference on the 0–1 scale; null when there are no pairs.</param>
public sealed record AgreementStats(int N, double? Pearson, double? Spearman, double? Qwk, double? Mae);

/// <summary>Agreement statistics between human and grader scores (both on 0–1). Undefined values are null, never NaN.</summary>
public static class Agreement
{
    /// <summary>Computes n, Pearson, Spearman, quadratic weighted kappa on <paramref name="scalePoints"/> points, and MAE.</summary>
    /// <param name="human">Human scores, 0–1.</param>
    /// <param name="grader">Grader scores, 0–1, in the same order.</param>
    /// <param name="scalePoints">Points of the human scale (e.g. 6 for 0–5); both sides are rounded to them for kappa.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or <paramref name="scalePoints"/> is below 2.</exception>
    public static AgreementStats Compute(IReadOnlyList<double> human, IReadOnlyList<double> grader, int scalePoints)
    {
        ArgumentNullException.ThrowIfNull(human);
        ArgumentNullException.ThrowIfNull(grader);
        if (human.Count != grader.Count)
        {
            throw new ArgumentException($"{human.Count} human scores but {grader.Count} grader scores.", nameof(grader));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(scalePoints, 2);
        var humanPoints = new int[human.Count];
        var graderPoints = new int[grader.Count];
        for (var i = 0; i < human.Count; i++)
        {
            humanPoints[i] = ToScalePoint(human[i], scalePoints);
            graderPoints[i] = ToScalePoint(grader[i], scalePoints);
        }
        return new AgreementStats(
            human.Count,
            Round(Pearson(human, grader)),
            Round(Spearman(human, grader)),
            Round(QuadraticWeightedKappa(humanPoints, graderPoints, scalePoints)),
            Round(MeanAbsoluteError(human, grader)));
    }

    /// <summary>The points of a human scale whose top is <paramref name="maxScore"/>: 0..max for a whole max up to 20, else 11 (tenths).</summary>
    public static int ScalePointsFor(double maxScore) =>
        maxScore >= 1 && maxScore <= 20 && maxScore == Math.Floor(maxScore) ? (int)maxScore + 1 : 11;

    /// <summary>The nearest of <paramref name="scalePoints"/> evenly spaced points (0-based) to a 0–1 score.</summary>
    public static int ToScalePoint(double normalized, int scalePoints) =>
        (int)Math.Round(Math.Clamp(normalized, 0, 1) * (scalePoints - 1), MidpointRounding.AwayFromZero);

    /// <summary>Pearson's correlation, or null when undefined.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y) => PairedStatistics.Pearson(x, y).Value;

    /// <summary>Spearman's rank correlation (Pearson on average ranks), or null when undefined.</summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => PairedStatistics.Spearman(x, y).Value;

    /// <summary>Quadratic weighted kappa between two ratings on points 0..categories-1, or null when undefined.</summary>
    public static double? QuadraticWeightedKappa(IReadOnlyList<int> a, IReadOnlyList<int> b, int categories)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 2);
        var scale = Enumerable.Range(0, categories).Select(p => (double)p).ToArray();
        return PairedStatistics.WeightedKappa(a.Select(p => (double)p).ToArray(), b.Select(p => (double)p).ToArray(), scale).Value;
    }

    /// <summary>Mean absolute difference, or null when there are no pairs.</summary>
    public static double? MeanAbsoluteError(IReadOnlyList<double> x, IReadOnlyList<double> y) => PairedStatistics.MeanAbsoluteError(x, y).Value;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
