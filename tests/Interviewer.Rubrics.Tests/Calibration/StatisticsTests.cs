using Interviewer.Rubrics.Calibration.Statistics;

namespace Interviewer.Rubrics.Tests.Calibration;

public sealed class StatisticsTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values.
    private static readonly double?[][] KrippendorffExample =
    [
        //         A     B     C     D
        [1, 1, null, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [null, 5, 5, 5],
        [null, null, 1, 1],
        [null, 3, null, null],
    ];

    [Theory]
    [InlineData(AlphaMetric.Nominal, 0.743)]
    [InlineData(AlphaMetric.Interval, 0.849)]
    [InlineData(AlphaMetric.Ordinal, 0.815)]
    public void KrippendorffAlpha_OnThePapersExample_MatchesThePublishedValues(AlphaMetric metric, double published)
    {
        var alpha = KrippendorffAlpha.Compute(KrippendorffExample, metric);

        Assert.NotNull(alpha.Value);
        Assert.Equal(published, alpha.Value!.Value, 3);
    }

    [Fact]
    public void KrippendorffAlpha_WithASingleRater_IsUndefinedWithAReason()
    {
        double?[][] units = [[1, null], [2, null], [3, null]];

        var alpha = KrippendorffAlpha.Compute(units, AlphaMetric.Interval);

        Assert.Null(alpha.Value);
        Assert.Contains("two or more raters", alpha.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void KrippendorffAlpha_WhenEveryScoreIsEqual_IsUndefinedNotNaN()
    {
        double?[][] units = [[4, 4], [4, 4], [4, 4]];

        var alpha = KrippendorffAlpha.Compute(units, AlphaMetric.Ordinal);

        Assert.Null(alpha.Value);
        Assert.Contains("same score", alpha.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightedKappa_OnAHandComputedTable_IsOneHalf()
    {
        // Ten items on points 0,1,2: (0,0)×2 (1,1)×3 (2,2)×2 (0,1) (1,2) (2,0).
        // Marginals: rows 3,4,3 and columns 3,4,3. Weights (i−j)²: 0, 1, 4.
        // Observed weighted disagreement: (1 + 1 + 4) / 10 = 0.6.
        // Expected: Σ w·r_i·c_j / n² = (12 + 36 + 12 + 12 + 36 + 12) / 100 = 1.2.  κ = 1 − 0.6 / 1.2 = 0.5.
        double[] a = [0, 0, 1, 1, 1, 2, 2, 0, 1, 2];
        double[] b = [0, 0, 1, 1, 1, 2, 2, 1, 2, 0];

        var kappa = PairedStatistics.WeightedKappa(a, b, [0, 1, 2]);

        Assert.Equal(0.5, kappa.Value!.Value, 10);
    }

    [Fact]
    public void WeightedKappa_Linear_OnTheSameTable_IsHandComputed()
    {
        // Linear weights |i−j|: observed (1 + 1 + 2) / 10 = 0.4; expected (12 + 18 + 12 + 12 + 18 + 12) / 100 = 0.84.
        double[] a = [0, 0, 1, 1, 1, 2, 2, 0, 1, 2];
        double[] b = [0, 0, 1, 1, 1, 2, 2, 1, 2, 0];

        var kappa = PairedStatistics.WeightedKappa(a, b, [0, 1, 2], KappaWeighting.Linear);

        Assert.Equal(1 - 0.4 / 0.84, kappa.Value!.Value, 10);
    }

    [Fact]
    public void WeightedKappa_WithPerfectAgreement_IsOne()
    {
        double[] a = [0, 1, 2, 3, 4, 5];

        Assert.Equal(1.0, PairedStatistics.WeightedKappa(a, a, [0, 1, 2, 3, 4, 5]).Value!.Value, 10);
    }

    [Fact]
    public void PearsonAndSpearman_OnAHandComputedSample_MatchTheFormulas()
    {
        // x̄ = 3, ȳ = 4; Sxy = 6, Sxx = 10, Syy = 6 → r = 6/√60. Ranks of y with ties: 1, 2.5, 4.5, 2.5, 4.5 → ρ = 7/√90.
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 4, 5, 4, 5];

        Assert.Equal(6 / Math.Sqrt(60), PairedStatistics.Pearson(x, y).Value!.Value, 10);
        Assert.Equal(7 / Math.Sqrt(90), PairedStatistics.Spearman(x, y).Value!.Value, 10);
    }

    [Fact]
    public void Pearson_WhenOneSideIsConstant_IsUndefinedWithAReason()
    {
        var r = PairedStatistics.Pearson([1, 2, 3], [5, 5, 5]);

        Assert.Null(r.Value);
        Assert.Contains("same score", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BiasAndMae_SayWhetherTheGraderIsLenient()
    {
        double[] grader = [3, 4, 5];
        double[] human = [2, 4, 3];

        Assert.Equal(1.0, PairedStatistics.Bias(grader, human).Value!.Value, 10);
        Assert.Equal(1.0, PairedStatistics.MeanAbsoluteError(grader, human).Value!.Value, 10);
        Assert.Equal(-1.0, PairedStatistics.Bias(human, grader).Value!.Value, 10);
    }

    [Fact]
    public void Bootstrap_WithTheSameSeed_RepeatsAndBracketsTheEstimate()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
        var y = x.Select(v => v + random.NextDouble() * 0.5).ToArray();

        var first = Bootstrap.Paired(x, y, PairedStatistics.Pearson);
        var second = Bootstrap.Paired(x, y, PairedStatistics.Pearson);
        var otherSeed = Bootstrap.Paired(x, y, PairedStatistics.Pearson, seed: 1);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Ci95, otherSeed.Ci95);
        Assert.InRange(first.Value!.Value, first.Ci95!.Low, first.Ci95.High);
        Assert.True(first.Ci95.High > first.Ci95.Low);
    }

    [Fact]
    public void Bootstrap_OfAnUndefinedStatistic_IsUndefinedWithoutInterval()
    {
        var measure = Bootstrap.Paired([1, 2, 3, 4], [2, 2, 2, 2], PairedStatistics.Pearson);

        Assert.Null(measure.Value);
        Assert.Null(measure.Ci95);
        Assert.NotNull(measure.Reason);
    }

    [Fact]
    public void KeyPointAccuracy_CountsAgainstHumanMarks()
    {
        var accuracy = KeyPointAccuracy.Compute("k", [(true, true), (true, false), (false, true), (false, false), (true, true)]);

        Assert.Equal((2, 1, 1), (accuracy.TruePositives, accuracy.FalsePositives, accuracy.FalseNegatives));
        Assert.Equal(2.0 / 3, accuracy.Precision.Value!.Value, 10);
        Assert.Equal(2.0 / 3, accuracy.Recall.Value!.Value, 10);
        Assert.Null(KeyPointAccuracy.Compute("k", [(false, false)]).Recall.Value);
    }
}
