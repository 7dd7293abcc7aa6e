using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Batch;

public sealed class BatchSummaryTests
{
    internal static BatchResult Graded(int line, string questionId, double score, bool degraded = false, params string[] flags) =>
        new(line, $"r{line}", null, questionId,
            new GradeResult(questionId, score, "keyword", degraded, new BankRef("test-bank", 3), [], null, string.Empty, flags), null);

    [Fact]
    public void Build_CountsScoresBandsQuestionsAndFlags()
    {
        var builder = new BatchSummaryBuilder(TestBank.Create(), "keyword");
        builder.Add(Graded(2, "drift", 10));
        builder.Add(Graded(3, "drift", 20, degraded: true));
        builder.Add(Graded(4, "containers", 100, false, GradeFlags.KeywordStuffing));
        builder.Add(Graded(5, "containers", 35.5));
        builder.Add(new BatchResult(6, "r6", null, "drift", null, "empty answer"));
        builder.Add(new BatchResult(7, "r7", null, "nope", null, "unknown question 'nope'"));

        var summary = builder.Build(TimeSpan.FromSeconds(2));

        Assert.Equal((6, 4, 2), (summary.Rows, summary.Graded, summary.Failed));
        Assert.Equal(41.4, summary.MeanScore);
        Assert.Equal(27.8, summary.MedianScore);
        Assert.Equal((10.0, 100.0), (summary.MinScore!.Value, summary.MaxScore!.Value));
        Assert.Equal([0, 1, 1, 1, 0, 0, 0, 0, 0, 1], summary.Distribution.Select(b => b.Count));
        Assert.Equal((1, 1), (summary.Degraded, summary.Flagged));
        Assert.Equal(1, summary.Flags[GradeFlags.KeywordStuffing]);
        Assert.Equal(["drift", "containers", "nope"], summary.Questions.Select(q => q.QuestionId));
        var drift = summary.Questions[0];
        Assert.Equal((2, 15.0, 1), (drift.Graded, drift.MeanScore!.Value, drift.Failed));
        Assert.Equal(3, summary.AnswersPerSecond);
    }

    [Fact]
    public void Build_WithNothingGraded_HasNoScores()
    {
        var builder = new BatchSummaryBuilder(TestBank.Create(), "keyword");
        builder.Add(new BatchResult(2, null, null, null, null, "empty answer"));

        var summary = builder.Build(TimeSpan.Zero);

        Assert.Null(summary.MeanScore);
        Assert.Null(summary.MedianScore);
        Assert.All(summary.Distribution, b => Assert.Equal(0, b.Count));
    }
}
