using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Tests.Grading.Keyword;

namespace Interviewer.Rubrics.Tests.Calibration;

public sealed class CalibrationRunnerTests
{
    private static CalibrationRow Row(int line, string answer, double score, string? questionId = "deploy", string? question = null, string? reference = null, double max = 5) =>
        new(line, null, questionId, question, reference, answer, score, max, null, []);

    [Fact]
    public async Task RunAsync_FindsQuestionsByIdOrExactText_AndNormalisesBothScores()
    {
        var runner = new CalibrationRunner(new KeywordGrader(), KeywordFixtures.SpanishBank);
        CalibrationRow[] rows =
        [
            Row(1, KeywordFixtures.Deploy.ModelAnswer, 5),
            Row(2, "No lo sé.", 1, questionId: null, question: "  ¿Cómo despliegas un modelo en producción? "),
        ];

        var run = await runner.RunAsync(rows);

        Assert.Empty(run.Problems);
        Assert.Equal(2, run.Items.Count);
        Assert.All(run.Items, i => Assert.Same(KeywordFixtures.Deploy, i.Question));
        Assert.Equal((1.0, 1.0), (run.Items[0].Human, run.Items[0].Grader));
        Assert.Equal(0.2, run.Items[1].Human, 10);
        Assert.Equal(run.Items[1].Grade.Score / 100, run.Items[1].Grader);
        Assert.False(run.Items[0].Drafted);
    }

    [Fact]
    public async Task RunAsync_UnknownQuestionWithReference_IsGradedAgainstOneDraftPerQuestion()
    {
        var runner = new CalibrationRunner(new KeywordGrader(), KeywordFixtures.SpanishBank);
        const string reference = "To simulate the behaviour of portions of the desired software product.";
        CalibrationRow[] rows =
        [
            Row(1, "It simulates portions of the final software product.", 5, "1.1", "What is the role of a prototype?", reference),
            Row(2, "No idea.", 0, "1.1", "What is the role of a prototype?", reference),
        ];

        var run = await runner.RunAsync(rows);

        Assert.Equal(2, run.Items.Count);
        Assert.All(run.Items, i => Assert.True(i.Drafted));
        Assert.Same(run.Items[0].Question, run.Items[1].Question);
        Assert.Equal("1.1", run.Items[0].Question.Id);
        Assert.Equal("en", run.Items[0].Bank.Language);
        Assert.True(run.Items[0].Grader > run.Items[1].Grader);
    }

    [Fact]
    public async Task RunAsync_UnknownQuestionWithoutReference_IsReportedAndLeftOut()
    {
        var runner = new CalibrationRunner(new KeywordGrader(), KeywordFixtures.SpanishBank);

        var run = await runner.RunAsync([Row(7, "algo", 3, "nope"), Row(8, KeywordFixtures.Deploy.ModelAnswer, 5)]);

        var problem = Assert.Single(run.Problems);
        Assert.Equal(7, problem.Line);
        Assert.Contains("unknown question id 'nope'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("reference_answer", problem.Message, StringComparison.Ordinal);
        Assert.Single(run.Items);
    }

    [Fact]
    public async Task RunAsync_WithoutBank_DraftsEveryRubric()
    {
        var runner = new CalibrationRunner(new KeywordGrader());

        var run = await runner.RunAsync([Row(1, "Abstraction.", 5, "1.3", "Main advantages of OOP?", "Abstraction and reusability.")]);

        var item = Assert.Single(run.Items);
        Assert.True(item.Drafted);
        Assert.Equal(CalibrationRunner.DraftedBankId, item.Grade.Bank.Id);
    }

    [Fact]
    public async Task RunAsync_ReportsProgressAndUsesTheGivenGrader()
    {
        var grader = new FixedGrader(40);
        var runner = new CalibrationRunner(grader, KeywordFixtures.SpanishBank);
        var reported = new List<int>();

        var run = await runner.RunAsync([Row(1, "a", 1), Row(2, "b", 2)], new SynchronousProgress(reported.Add));

        Assert.Equal([1, 2], reported);
        Assert.All(run.Items, i => Assert.Equal(0.4, i.Grader));
        Assert.Equal(2, grader.Calls);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class FixedGrader(double score) : IAnswerGrader
    {
        public int Calls { get; private set; }

        public string Name => "fixed";

        public ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default)
        {
            Calls++;
            return ValueTask.FromResult(new GradeResult(request.Question.Id, score, Name, false, request.Bank.Ref, [], null, string.Empty, []));
        }
    }
}
