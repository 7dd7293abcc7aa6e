using System.Globalization;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics.Loading;
using Xunit.Abstractions;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>
/// The seed replay of issue #10 on the shipped bank: answer "No lo sé." to everything, collect what came back, start
/// again with the same seed and paste it. Nothing of the rubric may come back, so the replay has nothing to paste.
/// </summary>
public sealed class SeedReplayTests(ITestOutputHelper output)
{
    private const int Seed = 20261130;

    [Fact]
    public async Task SeedReplay_AfterAnsweringNoLoSe_FindsNoKeyPointOrModelAnswerText()
    {
        await using var app = new InterviewerApp();
        var bank = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")!;
        await using var first = await RawHubConnection.ConnectAsync(app);

        var run = await PlayAsync(first, _ => "No lo sé.");

        var rubric = run.Plan.Select(id => bank.FindQuestion(id)!)
            .SelectMany(q => q.KeyPoints.Select(k => k.Text).Concat(
                q.ModelAnswer.Split(['.', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(text => text.Length >= 20)
            .ToList();
        var leaked = rubric.Where(text => run.Wire.Contains(text, StringComparison.Ordinal)).ToList();
        // All a replay can paste is what the candidate was asked: the questions and their follow-ups.
        await using var second = await RawHubConnection.ConnectAsync(app);
        var replay = await PlayAsync(second, id => string.Join(" ", run.Asked[id]));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan {string.Join(",", run.Plan)}; rubric sentences {rubric.Count}, received {leaked.Count}; first run {run.Overall}; replay with what was asked {replay.Overall}"));

        Assert.Equal(5, run.Plan.Count);
        Assert.True(rubric.Count > 20);
        Assert.Empty(leaked);
        Assert.DoesNotContain("\"study\"", run.Wire, StringComparison.Ordinal);
        Assert.DoesNotContain("\"keyPoints\":[", run.Wire, StringComparison.Ordinal);
        Assert.Equal(0, run.Overall);
        Assert.Equal(run.Plan, replay.Plan);
    }

    private sealed record Run(string Wire, IReadOnlyList<string> Plan, Dictionary<string, List<string>> Asked, double Overall);

    /// <summary>A practice interview of the shipped bank with <see cref="Seed"/>, answering each question with <paramref name="answer"/>(its id).</summary>
    private static async Task<Run> PlayAsync(RawHubConnection raw, Func<string, string> answer)
    {
        await raw.InvokeAsync("StartInterview", new { bankId = "mlops-es", questionCount = 5, seed = Seed });
        var wire = new List<string>();
        var plan = new List<string>();
        var asked = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var n = 0;
        while (true)
        {
            var message = await raw.ReceiveAsync();
            wire.Add(message.GetRawText());
            Assert.False(message.TryGetProperty("error", out var error), error.ToString());
            switch (RawHubConnection.Describe(message))
            {
                case "Question":
                    var question = message.GetProperty("arguments")[0];
                    var id = question.GetProperty("questionId").GetString()!;
                    if (!question.GetProperty("isFollowUp").GetBoolean())
                    {
                        plan.Add(id);
                    }
                    (asked.TryGetValue(id, out var texts) ? texts : asked[id] = []).Add(question.GetProperty("text").GetString()!);
                    await raw.InvokeAsync("SubmitAnswer", new { sessionId = question.GetProperty("sessionId").GetString(), answerId = $"a-{++n}", text = answer(id) });
                    break;
                case "Completed":
                    var overall = message.GetProperty("arguments")[0].GetProperty("overallScore").GetDouble();
                    return new Run(string.Join('\n', wire), plan, asked, overall);
            }
        }
    }
}
