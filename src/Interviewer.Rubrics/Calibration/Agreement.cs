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
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = Math.Min(x.Count, y.Count);
        if (n < 2)
        {
            return null;
        }
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 1e-15 || syy <= 1e-15)
        {
            return null;
        }
        var r = sxy / Math.Sqrt(sxx * syy);
        return double.IsFinite(r) ? Math.Clamp(r, -1, 1) : null;
    }

    /// <summary>Spearman's rank correlation (Pearson on average ranks), or null when undefined.</summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = Math.Min(x.Count, y.Count);
        return n < 2 ? null : Pearson(Ranks(x, n), Ranks(y, n));
    }

    /// <summary>Quadratic weighted kappa between two ratings on points 0..categories-1, or null when undefined.</summary>
    public static double? QuadraticWeightedKappa(IReadOnlyList<int> a, IReadOnlyList<int> b, int categories)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 2);
        var n = Math.Min(a.Count, b.Count);
        if (n == 0)
        {
            return null;
        }
        var observed = new double[categories, categories];
        var rowTotals = new double[categories];
        var columnTotals = new double[categories];
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(a[i], 0, categories - 1);
            var q = Math.Clamp(b[i], 0, categories - 1);
            observed[p, q]++;
            rowTotals[p]++;
            columnTotals[q]++;
        }
        double disagreement = 0, expected = 0;
        var span = (double)(categories - 1) * (categories - 1);
        for (var p = 0; p < categories; p++)
        {
            for (var q = 0; q < categories; q++)
            {
                var weight = (p - q) * (p - q) / span;
                disagreement += weight * observed[p, q];
                expected += weight * rowTotals[p] * columnTotals[q] / n;
            }
        }
        return expected <= 1e-15 ? null : 1 - (disagreement / expected);
    }

    /// <summary>Mean absolute difference, or null when there are no pairs.</summary>
    public static double? MeanAbsoluteError(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = Math.Min(x.Count, y.Count);
        if (n == 0)
        {
            return null;
        }
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }
        return sum / n;
    }

    private static double[] Ranks(IReadOnlyList<double> values, int n)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (p, q) => values[p].CompareTo(values[q]));
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && values[order[j + 1]].CompareTo(values[order[i]]) == 0)
            {
                j++;
            }
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
