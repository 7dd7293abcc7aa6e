using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

public sealed class RepeatStabilityTests
{
    [Fact]
    public async Task MeasureAsync_GradesNTimesAndReportsTheSpread()
    {
        var chat = new ScriptedChat().Reply(
            AllCovered(),
            Verdict((Definition, "covered", DefinitionQuote), (Monitoring, "partial", MonitoringQuote), (Retraining, "covered", RetrainingQuote)),
            AllCovered(),
            Verdict((Definition, "covered", DefinitionQuote), (Monitoring, "missing", ""), (Retraining, "covered", RetrainingQuote)));

        var report = await RepeatStability.MeasureAsync(chat.Grader(), Request(GoodAnswer), 4);

        Assert.Equal(4, report.Runs);
        Assert.Equal(4, chat.Calls.Count);
        Assert.Equal(new ScoreSpread(75, 100, 90.63, 10.36), report.Score);
        Assert.Equal(new KeyPointSpread(Definition, 4, 0, 0), report.KeyPoints[0]);
        Assert.Equal(new KeyPointSpread(Monitoring, 2, 1, 1), report.KeyPoints[1]);
        Assert.True(report.KeyPoints[0].IsStable);
        Assert.False(report.KeyPoints[1].IsStable);
        Assert.Equal(KeyPointStatus.Covered, report.KeyPoints[1].Mode);
        Assert.False(report.IsStable);
        Assert.Equal(4, report.Grades.Count);
        Assert.Equal(0, report.DegradedRuns);
    }

    [Fact]
    public async Task MeasureAsync_WithTheSameVerdictEachTime_IsStable()
    {
        var chat = new ScriptedChat().Reply(AllCovered(), AllCovered(), AllCovered());

        var report = await RepeatStability.MeasureAsync(chat.Grader(), Request(GoodAnswer), 3);

        Assert.True(report.IsStable);
        Assert.Equal(0, report.Score.StdDev);
    }

    [Fact]
    public async Task MeasureAsync_WithNoRun_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RepeatStability.MeasureAsync(new ScriptedChat().Grader(), Request(GoodAnswer), 0));
    }

    [Fact]
    public async Task Summarize_CountsStableAnswersAndDegradedRuns()
    {
        var stable = await RepeatStability.MeasureAsync(new ScriptedChat().Reply(AllCovered(), AllCovered()).Grader(), Request(GoodAnswer), 2);
        var shaky = await RepeatStability.MeasureAsync(new ScriptedChat().Reply(AllCovered(), "not json", "not json").Grader(), Request(GoodAnswer), 2);

        var summary = RepeatStability.Summarize([stable, shaky]);

        Assert.Equal(2, summary.Answers);
        Assert.Equal(1, summary.StableAnswers);
        Assert.Equal(1, summary.DegradedRuns);
    }

    [Fact]
    public async Task MeasureAsync_WhenARunDegradesToTheSameGrade_IsNotStable()
    {
        // The second run falls back to the keyword grade, which also scores the good answer 100 with every key point covered.
        var report = await RepeatStability.MeasureAsync(new ScriptedChat().Reply(AllCovered(), "not json", "not json").Grader(), Request(GoodAnswer), 2);

        Assert.Equal(new ScoreSpread(100, 100, 100, 0), report.Score);
        Assert.Equal(1, report.DegradedRuns);
        Assert.False(report.IsStable);
    }
}
