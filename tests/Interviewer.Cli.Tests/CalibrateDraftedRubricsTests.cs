using System.Text.Json;
using static Interviewer.Cli.Tests.KeywordCli;

namespace Interviewer.Cli.Tests;

/// <summary>calibrate with the keyword grader: bank questions and rubrics drafted from reference answers, bad rows on stderr.</summary>
public sealed class CalibrateDraftedRubricsTests
{
    [Fact]
    public async Task Calibrate_BankAndDraftedQuestions_AreGradedAndBadRowsReportedWithTheirLines()
    {
        var (exitCode, output, error) = await RunAsync("--rubrics", Fixture("rubrics"), "calibrate", Fixture("calibration.jsonl"), "--bank", "quality-ok", "--format", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(5, json.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
        Assert.True(json.RootElement.GetProperty("overall").GetProperty("pearson").GetProperty("value").GetDouble() > 0.5, output);
        var questions = json.RootElement.GetProperty("questions").EnumerateArray().ToList();
        Assert.Contains(questions, q => q.GetProperty("questionId").GetString() == "1.1" && q.GetProperty("drafted").GetBoolean());
        Assert.Contains(questions, q => q.GetProperty("questionId").GetString() == "deploy" && !q.GetProperty("drafted").GetBoolean());
        Assert.Contains("calibration.jsonl:4: no score", error, StringComparison.Ordinal);
        Assert.Contains("calibration.jsonl:7: unknown question id 'unknown-q'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WithoutAnyBank_DraftsFromReferenceAnswers()
    {
        var empty = TestRun.Folder("no-banks").FullName;
        try
        {
            var (exitCode, output, error) = await RunAsync("--rubrics", empty, "calibrate", Fixture("calibration.jsonl"), "--format", "json");

            Assert.True(exitCode == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(2, json.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
            Assert.Contains("calibration.jsonl:1: unknown question id 'deploy'", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
