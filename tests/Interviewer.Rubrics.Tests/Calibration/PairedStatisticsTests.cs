using Interviewer.Rubrics.Calibration.Statistics;

namespace Interviewer.Rubrics.Tests.Calibration;

/// <summary>The paired statistics the calibration report is built from, on hand-computed samples.</summary>
public sealed class PairedStatisticsTests
{
    [Fact]
    public void Pearson_KnownValues_MatchesHandComputation()
    {
        // x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 * 6) = 0.7746
        Assert.Equal(0.7746, PairedStatistics.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]).Value!.Value, 4);
    }

    [Fact]
    public void Spearman_WithTies_UsesAverageRanks()
    {
        // ranks x: 1,2,3,4,5; ranks y: 1,2.5,4.5,2.5,4.5 -> Pearson of ranks = 0.7379
        Assert.Equal(0.7379, PairedStatistics.Spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]).Value!.Value, 4);
    }

    [Fact]
    public void Spearman_MonotoneButNotLinear_IsOne()
    {
        Assert.Equal(1, PairedStatistics.Spearman([1, 2, 3, 4], [1, 4, 9, 100]).Value!.Value, 10);
    }

    [Fact]
    public void WeightedKappa_QuadraticOnThreePoints_MatchesHandComputation()
    {
        // Observed: one pair 1 point apart (weight 1/4) and one 2 points apart (weight 1), over 6 pairs: 1.25 / 6.
        // Expected by chance: rows 2,2,2 and columns 2,3,1 give 10.5 / 36 (Σ w·r·c / n²); kappa = 1 − (1.25/6) / (10.5/36) = 2/7.
        double[] a = [0, 0, 1, 1, 2, 2];
        double[] b = [0, 1, 1, 1, 2, 0];

        var kappa = PairedStatistics.WeightedKappa(a, b, [0, 1, 2]);

        Assert.Equal(2.0 / 7, kappa.Value!.Value, 10);
    }

    [Fact]
    public void MeanAbsoluteError_NoPairs_IsUndefinedNotNaN()
    {
        var mae = PairedStatistics.MeanAbsoluteError([], []);

        Assert.Null(mae.Value);
        Assert.False(string.IsNullOrEmpty(mae.Reason));
    }

    [Fact]
    public void MeanAbsoluteError_IsTheMeanDistance()
    {
        Assert.Equal(0.25, PairedStatistics.MeanAbsoluteError([0, 1], [0.5, 1]).Value);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(2.4, 2)]
    [InlineData(2.5, 2)]
    [InlineData(2.6, 3)]
    [InlineData(6.0, 5)]
    public void Snap_GoesToTheNearestScalePoint_TheLowerOnATie(double value, int expected)
    {
        Assert.Equal(expected, PairedStatistics.Snap([0, 1, 2, 3, 4, 5], value));
    }
}
