namespace Interviewer.Rubrics.Calibration.Statistics;

/// <summary>
/// Percentile-bootstrap confidence intervals over resampled units (answers), with a fixed seed so that
/// the same input always gives the same report.
/// </summary>
public static class Bootstrap
{
    /// <summary>The seed used unless a caller gives another.</summary>
    public const int DefaultSeed = 20_240_607;

    /// <summary>Resamples used unless a caller gives another.</summary>
    public const int DefaultIterations = 1_000;

    /// <summary>
    /// The 95% interval of <paramref name="statistic"/> over <paramref name="iterations"/> resamples (with replacement) of
    /// <paramref name="count"/> units. The statistic receives the resampled unit indices; resamples where it is undefined
    /// are left out. Null when fewer than 3 units, or when the statistic is undefined in most resamples.
    /// </summary>
    public static ConfidenceInterval? Interval(int count, Func<IReadOnlyList<int>, Estimate> statistic, int iterations = DefaultIterations, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (count < 3 || iterations < 1)
        {
            return null;
        }
        var random = new Random(seed);
        var indices = new int[count];
        var values = new List<double>(iterations);
        for (var r = 0; r < iterations; r++)
        {
            for (var i = 0; i < count; i++)
            {
                indices[i] = random.Next(count);
            }
            if (statistic(indices).Value is { } value)
            {
                values.Add(value);
            }
        }
        if (values.Count < iterations / 2)
        {
            return null;
        }
        values.Sort();
        return new ConfidenceInterval(Percentile(values, 0.025), Percentile(values, 0.975));
    }

    /// <summary>A statistic of paired samples with its interval, resampling the pairs together.</summary>
    public static Measure Paired(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<IReadOnlyList<double>, IReadOnlyList<double>, Estimate> statistic, int iterations = DefaultIterations, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(statistic);
        var estimate = statistic(x, y);
        if (!estimate.IsDefined)
        {
            return Measure.From(estimate, null);
        }
        var bx = new double[x.Count];
        var by = new double[y.Count];
        var ci = Interval(x.Count, indices =>
        {
            for (var i = 0; i < indices.Count; i++)
            {
                bx[i] = x[indices[i]];
                by[i] = y[indices[i]];
            }
            return statistic(bx, by);
        }, iterations, seed);
        return Measure.From(estimate, ci);
    }

    /// <summary>Linear interpolation between closest ranks (type 7, as R's and NumPy's default).</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
