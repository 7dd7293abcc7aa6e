using System.Collections.Concurrent;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Batch;

public sealed class BatchGraderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static BatchItem Item(int line, string answer = "deriva en producción", string questionId = "drift")
    {
        var bank = TestBank.Create();
        return new BatchItem(line, $"r{line}", null, questionId, bank.FindQuestion(questionId), answer);
    }

    private static async Task<List<BatchResult>> GradeAllAsync(IEnumerable<BatchItem> items, IAnswerGrader grader, BatchGradingOptions options)
    {
        var results = new List<BatchResult>();
        await foreach (var result in BatchGrader.GradeAsync(items, TestBank.Create(), grader, options).WithCancellation(default))
        {
            results.Add(result);
        }
        return results;
    }

    [Fact]
    public async Task GradeAsync_WhenLaterAnswersFinishFirst_YieldsResultsInInputOrder()
    {
        var grader = new ScriptedGrader();
        var firstMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        grader.Before = async request =>
        {
            if (request.Answer == "1")
            {
                await firstMayFinish.Task.WaitAsync(Timeout);
            }
            if (request.Answer == "4")
            {
                firstMayFinish.TrySetResult();
            }
        };
        var items = Enumerable.Range(1, 8).Select(i => Item(i, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var results = await GradeAllAsync(items, grader, BatchGradingOptions.RemoteBound(4)).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Line));
        Assert.True(grader.Finished.IndexOf("4") < grader.Finished.IndexOf("1"), "answer 4 finished before answer 1");
    }

    [Fact]
    public async Task GradeAsync_NeverGradesMoreThanMaxConcurrencyAtOnce()
    {
        var grader = new ScriptedGrader();
        var inFlight = 0;
        var peak = 0;
        var fullHouse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        grader.Before = async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            if (now == 3)
            {
                fullHouse.TrySetResult();
            }
            // The first calls wait until three run together, which proves the batch does run them in parallel.
            await fullHouse.Task.WaitAsync(Timeout);
            Interlocked.Decrement(ref inFlight);
        };

        var results = await GradeAllAsync(Enumerable.Range(1, 40).Select(i => Item(i)), grader, BatchGradingOptions.RemoteBound(3)).WaitAsync(Timeout);

        Assert.Equal(40, results.Count);
        Assert.Equal(3, peak);
    }

    [Fact]
    public async Task GradeAsync_GraderThatThrows_FailsOnlyThatRow()
    {
        var grader = new ScriptedGrader { Before = r => r.Answer == "boom" ? throw new InvalidOperationException("model exploded") : Task.CompletedTask };

        var results = await GradeAllAsync([Item(2), Item(3, "boom"), Item(4)], grader, BatchGradingOptions.CpuBound);

        Assert.True(results[0].Succeeded);
        Assert.Contains("model exploded", results[1].Error, StringComparison.Ordinal);
        Assert.True(results[2].Succeeded);
    }

    [Fact]
    public async Task GradeAsync_RowsWithErrors_PassThroughUngraded()
    {
        var grader = new ScriptedGrader();
        var bad = new BatchItem(3, "x", null, "nope", null, "a", "unknown question 'nope'");

        var results = await GradeAllAsync([Item(2), bad], grader, BatchGradingOptions.CpuBound);

        Assert.Equal("unknown question 'nope'", results[1].Error);
        Assert.Equal("nope", results[1].QuestionId);
        Assert.Single(grader.Finished);
    }

    [Fact]
    public async Task GradeAsync_ManyRowsWithTheKeywordGrader_GradesEveryRowInOrder()
    {
        var items = Enumerable.Range(1, 5_000).Select(i => Item(i, i % 2 == 0 ? "deriva" : "container", i % 2 == 0 ? "drift" : "containers"));

        var results = await GradeAllAsync(items, new KeywordGrader(), BatchGradingOptions.CpuBound);

        Assert.Equal(Enumerable.Range(1, 5_000), results.Select(r => r.Line));
        Assert.All(results, r => Assert.Equal(r.Line % 2 == 0 ? "drift" : "containers", r.Grade!.QuestionId));
        Assert.All(results, r => Assert.Equal("test-bank", r.Grade!.Bank.Id));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>A grader whose behaviour a test scripts; grades like the keyword grader after the script ran.</summary>
    private sealed class ScriptedGrader : IAnswerGrader
    {
        private readonly KeywordGrader _keyword = new();

        public Func<GradeRequest, Task> Before { get; set; } = _ => Task.CompletedTask;

        public ConcurrentQueue<string> FinishedQueue { get; } = new();

        public List<string> Finished => [.. FinishedQueue];

        public string Name => "scripted";

        public async ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default)
        {
            await Before(request);
            FinishedQueue.Enqueue(request.Answer);
            return _keyword.Grade(request);
        }
    }
}
