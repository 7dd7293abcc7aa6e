using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

/// <summary>A batch graded by the LLM and dual graders as the hosts build them, against a scripted OpenAI-compatible server.</summary>
public sealed class BatchLlmTests : IAsyncLifetime
{
    private ScriptedOpenAiServer _server = null!;
    private ServiceProvider? _provider;

    public async Task InitializeAsync() => _server = await ScriptedOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private GraderRegistry Graders()
    {
        _provider = ScriptedGraders.Create(_server, TimeProvider.System);
        return _provider.GetRequiredService<GraderRegistry>();
    }

    private static IEnumerable<BatchItem> Items(int count) =>
        Enumerable.Range(1, count).Select(i => new BatchItem(i + 1, $"r{i}", null, Question.Id, Question, GoodAnswer));

    [Theory]
    [InlineData(GraderNames.Llm)]
    [InlineData(GraderNames.Dual)]
    public async Task GradeAsync_WithTheChosenGrader_GradesEveryRowThroughTheModelInOrder(string graderName)
    {
        for (var i = 0; i < 6; i++)
        {
            _server.Enqueue(ScriptedReply.Completion(AllCovered()));
        }
        var grader = Graders().Get(graderName);

        var results = new List<BatchResult>();
        await foreach (var result in BatchGrader.GradeAsync(Items(6), Bank, grader, BatchGradingOptions.For(graderName, llmConcurrency: 3)))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(2, 6), results.Select(r => r.Line));
        Assert.All(results, r => Assert.Equal(graderName, r.Grade!.Grader));
        Assert.All(results, r => Assert.False(r.Grade!.Degraded));
        Assert.All(results, r => Assert.Equal("scripted-model", r.Grade!.Model));
        Assert.Equal(6, _server.Requests.Count);
        if (graderName == GraderNames.Dual)
        {
            Assert.All(results, r => Assert.NotNull(r.Grade!.KeywordGrade));
        }
    }

    [Fact]
    public async Task GradeAsync_WithRepeat_GradesEachAnswerThatManyTimesAndKeepsTheSpread()
    {
        _server.Enqueue(ScriptedReply.Completion(AllCovered()));
        _server.Enqueue(ScriptedReply.Completion(Verdict((Definition, "covered", DefinitionQuote), (Monitoring, "missing", ""), (Retraining, "missing", ""))));
        var grader = Graders().Get(GraderNames.Llm);

        var results = new List<BatchResult>();
        await foreach (var result in BatchGrader.GradeAsync(Items(1), Bank, grader, BatchGradingOptions.RemoteBound(1) with { Repeat = 2 }))
        {
            results.Add(result);
        }

        var stability = Assert.Single(results).Stability!;
        Assert.Equal(2, stability.Runs);
        Assert.False(stability.IsStable);
        Assert.Equal((50, 100), (stability.Score.Min, stability.Score.Max));
    }
}
