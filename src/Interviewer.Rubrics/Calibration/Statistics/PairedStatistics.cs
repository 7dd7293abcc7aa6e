namespace Interviewer.Rubrics.Calibration.Statistics;

/// <summary>
/// Agreement between two paired samples (grader and human, or two humans): pure functions over arrays,
/// undefined results as <see cref="Estimate.Undefined"/> with a reason, never NaN.
/// </summary>
public static class PairedStatistics
{
    /// <summary>Pearson's product-moment correlation.</summary>
    public static Estimate Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (CheckPairs(x, y, minimum: 2) is { } problem)
        {
            return problem;
        }
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 0 || syy <= 0)
        {
            return Estimate.Undefined(sxx <= 0 && syy <= 0 ? "both sides give every answer the same score"
                : sxx <= 0 ? "the first side gives every answer the same score" : "the second side gives every answer the same score");
        }
        return Estimate.Of(Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1));
    }

    /// <summary>Spearman's rank correlation: Pearson on ranks, ties given their average rank.</summary>
    public static Estimate Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (CheckPairs(x, y, minimum: 2) is { } problem)
        {
            return problem;
        }
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>Mean absolute difference |x − y|.</summary>
    public static Estimate MeanAbsoluteError(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (CheckPairs(x, y, minimum: 1) is { } problem)
        {
            return problem;
        }
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }
        return Estimate.Of(sum / x.Count);
    }

    /// <summary>Mean signed difference x − y: with x the grader and y the human, positive means the grader is lenient.</summary>
    public static Estimate Bias(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (CheckPairs(x, y, minimum: 1) is { } problem)
        {
            return problem;
        }
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            sum += x[i] - y[i];
        }
        return Estimate.Of(sum / x.Count);
    }

    /// <summary>
    /// Cohen's weighted kappa on an ordered scale: 1 − Σ w·observed / Σ w·expected, with weights
    /// (i − j)² (quadratic) or |i − j| (linear) over category positions. Values off the scale are snapped to the nearest point.
    /// </summary>
    /// <param name="x">First rater's scores.</param>
    /// <param name="y">Second rater's scores.</param>
    /// <param name="scale">The ordered points of the scale (e.g. 0, 1, …, 5).</param>
    /// <param name="weighting">Quadratic (the default) or linear disagreement weights.</param>
    public static Estimate WeightedKappa(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> scale, KappaWeighting weighting = KappaWeighting.Quadratic)
    {
        if (CheckPairs(x, y, minimum: 1) is { } problem)
        {
            return problem;
        }
        if (scale.Count < 2)
        {
            return Estimate.Undefined("the scale has fewer than two points");
        }
        var k = scale.Count;
        var observed = new double[k, k];
        var rows = new double[k];
        var columns = new double[k];
        for (var i = 0; i < x.Count; i++)
        {
            var a = Snap(scale, x[i]);
            var b = Snap(scale, y[i]);
            observed[a, b]++;
            rows[a]++;
            columns[b]++;
        }
        double n = x.Count, disagreement = 0, chance = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = weighting == KappaWeighting.Quadratic ? (double)(i - j) * (i - j) : Math.Abs(i - j);
                disagreement += w * observed[i, j] / n;
                chance += w * rows[i] * columns[j] / (n * n);
            }
        }
        return chance <= 0
            ? Estimate.Undefined("no disagreement is expected by chance: at least one side uses a single point of the scale")
            : Estimate.Of(1 - disagreement / chance);
    }

    /// <summary>The index of the scale point nearest to <paramref name="value"/> (the lower one on a tie).</summary>
    public static int Snap(IReadOnlyList<double> scale, double value)
    {
        var best = 0;
        for (var i = 1; i < scale.Count; i++)
        {
            if (Math.Abs(scale[i] - value) < Math.Abs(scale[best] - value) - 1e-12)
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>Ranks from 1, ties sharing their average rank.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }
            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static Estimate? CheckPairs(IReadOnlyList<double> x, IReadOnlyList<double> y, int minimum)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Paired samples differ in length ({x.Count} and {y.Count}).", nameof(y));
        }
        return x.Count < minimum
            ? Estimate.Undefined(x.Count == 0 ? "no scored answers" : $"needs at least {minimum} scored answers, has {x.Count}")
            : null;
    }
}

/// <summary>How a weighted kappa weighs a disagreement by its distance on the scale.</summary>
public enum KappaWeighting
{
    /// <summary>Squared distance: large disagreements count much more (quadratic weighted kappa).</summary>
    Quadratic,

    /// <summary>Distance.</summary>
    Linear,
}
