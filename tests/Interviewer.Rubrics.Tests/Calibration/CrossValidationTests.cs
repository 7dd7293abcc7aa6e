using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tests.Grading.Keyword;

namespace Interviewer.Rubrics.Tests.Calibration;

public sealed class CrossValidationTests
{
    private static CalibrationRow Row(int line, string answerId, double score, string? rater = null) =>
        new(line, answerId, "deploy", null, null, $"answer {answerId}", score, 5, rater, []);

    [Fact]
    public void Assign_GivesEachAnswerTheOtherFoldsAnswersOfItsQuestion()
    {
        CalibrationRow[] rows = [.. Enumerable.Range(1, 10).Select(i => Row(i, $"a{i}", i % 6))];

        var assigned = new CrossValidation(Folds: 5).Assign([.. rows.Select(r => (r, KeywordFixtures.Deploy))]);

        for (var i = 0; i < rows.Length; i++)
        {
            var ids = assigned[i].Exemplars.Select(e => e.Id).ToList();
            Assert.Equal(8, ids.Count);
            Assert.DoesNotContain(rows[i].AnswerId, ids);
        }
        // Two answers per fold: each answer is left out together with exactly one other.
        Assert.Equal(5, assigned.Distinct().Count());
    }

    [Fact]
    public void Assign_KeepsSeveralRatersOfOneAnswerTogether_WithTheirMeanScore()
    {
        CalibrationRow[] rows = [Row(1, "a1", 4, "ana"), Row(2, "a1", 2, "luis"), Row(3, "a2", 5), Row(4, "a3", 1)];

        var assigned = new CrossValidation(Folds: 3).Assign([.. rows.Select(r => (r, KeywordFixtures.Deploy))]);

        Assert.Same(assigned[0], assigned[1]);
        Assert.DoesNotContain(assigned[0].Exemplars, e => e.Id == "a1");
        var a1 = assigned[2].Exemplars.Single(e => e.Id == "a1");
        Assert.Equal((3.0, 5.0), (a1.Score, a1.MaxScore));
    }

    [Fact]
    public void Assign_WithAnExemplarCap_TakesAtMostThatMany()
    {
        CalibrationRow[] rows = [.. Enumerable.Range(1, 12).Select(i => Row(i, $"a{i}", 3))];

        var assigned = new CrossValidation(Folds: 2, MaxExemplars: 4).Assign([.. rows.Select(r => (r, KeywordFixtures.Deploy))]);

        Assert.All(assigned, q => Assert.Equal(4, q.Exemplars.Count));
    }

    [Fact]
    public async Task Runner_WithCrossValidation_AnchorsEachAnswerOnOtherAnswersOnly()
    {
        // Each answer has a near-twin in the data with the same score: anchored on it, the grade follows the team.
        CalibrationRow[] rows =
        [
            new(1, "a", "deploy", null, null, "apples bananas cherries", 5, 5, null, []),
            new(2, "b", "deploy", null, null, "apples bananas cherries plums", 5, 5, null, []),
            new(3, "c", "deploy", null, null, "grapes melons kiwis", 0, 5, null, []),
            new(4, "d", "deploy", null, null, "grapes melons kiwis figs", 0, 5, null, []),
        ];
        var runner = new CalibrationRunner(new KeywordGrader(), KeywordFixtures.SpanishBank) { CrossValidation = new CrossValidation(Folds: 4) };

        var run = await runner.RunAsync(rows);

        Assert.All(run.Items, i => Assert.DoesNotContain(i.Grade.Anchors!, a => a.ExemplarId == i.Row.AnswerId));
        Assert.True(run.Items[0].Grader > run.Items[2].Grader);
        Assert.Equal("b", run.Items[0].Grade.Anchors![0].ExemplarId);
        Assert.Same(KeywordFixtures.Deploy, run.Items[0].Question);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(5, -1)]
    public void Validate_OutOfRange_Throws(int folds, int? cap)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrossValidation(folds, cap).Validate());
    }
}
