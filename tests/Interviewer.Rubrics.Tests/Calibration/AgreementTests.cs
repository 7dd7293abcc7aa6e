using Interviewer.Rubrics.Calibration;

namespace Interviewer.Rubrics.Tests.Calibration;

public sealed class AgreementTests
{
    [Fact]
    public void Compute_IdenticalScores_AgreePerfectly()
    {
        double[] scores = [0, 0.2, 0.4, 0.6, 0.8, 1];

        var stats = Agreement.Compute(scores, scores, 6);

        Assert.Equal(new AgreementStats(6, 1, 1, 1, 0), stats);
    }

    [Fact]
    public void Pearson_KnownValues_MatchesHandComputation()
    {
        // x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 * 6) = 0.7746
        Assert.Equal(0.7746, Agreement.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])!.Value, 4);
    }

    [Fact]
    public void Spearman_WithTies_UsesAverageRanks()
    {
        // ranks x: 1,2,3,4,5; ranks y: 1,2.5,4.5,2.5,4.5 -> Pearson of ranks = 0.7379
        Assert.Equal(0.7379, Agreement.Spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])!.Value, 4);
    }

    [Fact]
    public void Spearman_MonotoneButNotLinear_IsOne()
    {
        Assert.Equal(1, Agreement.Spearman([1, 2, 3, 4], [1, 4, 9, 100])!.Value, 10);
    }

    [Fact]
    public void QuadraticWeightedKappa_KnownTable_MatchesHandComputation()
    {
        // Two raters on 3 points; observed disagreement 2/9 weighted vs expected 0.6 -> kappa 1 - (0.25/0.6).
        int[] a = [0, 0, 1, 1, 2, 2];
        int[] b = [0, 1, 1, 1, 2, 0];

        var kappa = Agreement.QuadraticWeightedKappa(a, b, 3)!.Value;

        // observed weighted = (0.25 + 1) / 6; expected = sum w * ra * cb / n
        double[] ra = [2, 2, 2];
        double[] cb = [2, 3, 1];
        var expected = 0.0;
        for (var p = 0; p < 3; p++)
        {
            for (var q = 0; q < 3; q++)
            {
                expected += (p - q) * (p - q) / 4.0 * ra[p] * cb[q] / 6;
            }
        }
        Assert.Equal(1 - (1.25 / expected), kappa, 10);
    }

    [Fact]
    public void Compute_ConstantSide_GivesNullCorrelationsNotNaN()
    {
        var stats = Agreement.Compute([0.5, 0.5, 0.5], [0.1, 0.5, 0.9], 6);

        Assert.Null(stats.Pearson);
        Assert.Null(stats.Spearman);
        Assert.NotNull(stats.Mae);
    }

    [Fact]
    public void Compute_NoPairs_GivesNullsAndZeroN()
    {
        var stats = Agreement.Compute([], [], 2);

        Assert.Equal(new AgreementStats(0, null, null, null, null), stats);
    }

    [Fact]
    public void Compute_Mae_IsOnTheZeroToOneScale()
    {
        Assert.Equal(0.25, Agreement.Compute([0, 1], [0.5, 1], 2).Mae);
    }

    [Fact]
    public void Compute_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Agreement.Compute([0.1], [0.1, 0.2], 6));
    }

    [Theory]
    [InlineData(5, 6)]
    [InlineData(1, 2)]
    [InlineData(100, 11)]
    [InlineData(4.5, 11)]
    public void ScalePointsFor_WholeSmallMaximum_GivesItsPoints(double maxScore, int points)
    {
        Assert.Equal(points, Agreement.ScalePointsFor(maxScore));
    }

    [Theory]
    [InlineData(0.0, 6, 0)]
    [InlineData(0.49, 6, 2)]
    [InlineData(0.5, 6, 3)]
    [InlineData(1.2, 6, 5)]
    [InlineData(0.49, 2, 0)]
    public void ToScalePoint_RoundsToTheNearestPoint(double value, int points, int expected)
    {
        Assert.Equal(expected, Agreement.ToScalePoint(value, points));
    }
}
