namespace Interviewer.Rubrics.Calibration.Statistics;

/// <summary>
/// Krippendorff's alpha for any number of raters with missing values (Krippendorff 2011,
/// "Computing Krippendorff's Alpha-Reliability"): α = 1 − D_observed / D_expected over the coincidence matrix.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>Computes alpha.</summary>
    /// <param name="units">One entry per unit (answer): the values its raters gave, null where a rater gave none.</param>
    /// <param name="metric">How far apart two values are.</param>
    public static Estimate Compute(IReadOnlyList<IReadOnlyList<double?>> units, AlphaMetric metric)
    {
        ArgumentNullException.ThrowIfNull(units);
        // Coincidences: every ordered pair of values within a unit, weighted 1 / (m_u − 1).
        var coincidences = new Dictionary<(double, double), double>();
        var pairable = 0;
        foreach (var unit in units)
        {
            var values = unit.Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (values.Length < 2)
            {
                continue;
            }
            pairable++;
            var weight = 1.0 / (values.Length - 1);
            for (var i = 0; i < values.Length; i++)
            {
                for (var j = 0; j < values.Length; j++)
                {
                    if (i != j)
                    {
                        var key = (values[i], values[j]);
                        coincidences[key] = coincidences.GetValueOrDefault(key) + weight;
                    }
                }
            }
        }
        if (pairable == 0)
        {
            return Estimate.Undefined("no answer was scored by two or more raters");
        }

        var totals = new SortedDictionary<double, double>();
        foreach (var ((c, _), o) in coincidences)
        {
            totals[c] = totals.GetValueOrDefault(c) + o;
        }
        var n = totals.Values.Sum();
        if (totals.Count < 2)
        {
            return Estimate.Undefined("every rater gave every answer the same score: there is no variation to agree on");
        }

        var distance = Distance(metric, totals);
        var observed = coincidences.Sum(kv => kv.Value * distance(kv.Key.Item1, kv.Key.Item2));
        var expected = 0.0;
        foreach (var (c, nc) in totals)
        {
            foreach (var (k, nk) in totals)
            {
                expected += nc * nk * distance(c, k);
            }
        }
        return expected <= 0
            ? Estimate.Undefined("no disagreement is expected by chance")
            : Estimate.Of(1 - (n - 1) * observed / expected);
    }

    private static Func<double, double, double> Distance(AlphaMetric metric, SortedDictionary<double, double> totals)
    {
        switch (metric)
        {
            case AlphaMetric.Nominal:
                return (c, k) => c == k ? 0 : 1;
            case AlphaMetric.Interval:
                return (c, k) => (c - k) * (c - k);
            default:
                // Ordinal: δ(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², from the cumulative marginal totals.
                var cumulative = new Dictionary<double, double>();
                var running = 0.0;
                foreach (var (value, count) in totals)
                {
                    running += count;
                    cumulative[value] = running;
                }
                return (c, k) =>
                {
                    if (c == k)
                    {
                        return 0;
                    }
                    var (low, high) = c < k ? (c, k) : (k, c);
                    var between = cumulative[high] - cumulative[low] + totals[low];
                    var d = between - (totals[c] + totals[k]) / 2;
                    return d * d;
                };
        }
    }
}

/// <summary>The difference function of Krippendorff's alpha.</summary>
public enum AlphaMetric
{
    /// <summary>Values are labels: any difference is a full disagreement.</summary>
    Nominal,

    /// <summary>Values are ranks: distance counts how many values lie between (by their frequency).</summary>
    Ordinal,

    /// <summary>Values are numbers: squared difference.</summary>
    Interval,
}
