using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Microsoft.Extensions.Time.Testing;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

public sealed class DualGraderTests
{
    private static DualGrader Dual(ScriptedChat chat, double margin = 20) =>
        new(new KeywordGrader(), chat.Grader(), margin, new FakeTimeProvider());

    [Fact]
    public async Task GradeAsync_WhenBothAgree_ReturnsTheLlmGradeWithTheKeywordGradeBeside()
    {
        var chat = new ScriptedChat().Reply(AllCovered());

        var grade = await Dual(chat).GradeAsync(Request(GoodAnswer));

        Assert.Equal(GraderNames.Dual, grade.Grader);
        Assert.Equal(100, grade.Score);
        Assert.NotNull(grade.KeywordGrade);
        Assert.Equal(GraderNames.Keyword, grade.KeywordGrade.Grader);
        Assert.Equal(new KeywordGrader().Grade(Request(GoodAnswer)).Score, grade.KeywordGrade.Score);
        Assert.False(grade.Disagreement);
        Assert.Equal(LlmPrompt.Hash, grade.PromptHash);
    }

    [Fact]
    public async Task GradeAsync_WhenAKeyPointsStatusDiffers_Disagrees()
    {
        // Covered by keyword; the model says partial: a 12.5-point gap, under the margin, but a status differs.
        var chat = new ScriptedChat().Reply(Verdict(
            (Definition, "covered", DefinitionQuote), (Monitoring, "partial", MonitoringQuote), (Retraining, "covered", RetrainingQuote)));

        var grade = await Dual(chat, margin: 50).GradeAsync(Request(GoodAnswer));

        Assert.Equal(87.5, grade.Score);
        Assert.True(grade.Disagreement);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(30, false)]
    public void Disagree_ComparesTheScoreGapWithTheMargin(double margin, bool disagrees)
    {
        var points = new List<KeyPointGrade> { new("a", "A", KeyPointStatus.Partial, 0.5, []) };
        var a = new GradeResult("q", 50, "llm", false, Bank.Ref, points, null, "", []);
        var b = a with { Score = 30 };

        Assert.Equal(disagrees, DualGrader.Disagree(a, b, margin));
    }

    [Fact]
    public async Task GradeAsync_WhenTheLlmDegrades_StillReturnsBothGrades()
    {
        var chat = new ScriptedChat().Reply("nope", "nope");

        var grade = await Dual(chat).GradeAsync(Request(GoodAnswer));

        Assert.True(grade.Degraded);
        Assert.Equal(GraderNames.Dual, grade.Grader);
        Assert.NotNull(grade.KeywordGrade);
        Assert.False(grade.Disagreement);
    }
}
