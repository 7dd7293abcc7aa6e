using System.Text.Json;
using static Interviewer.Cli.Tests.KeywordCli;

namespace Interviewer.Cli.Tests;

public sealed class CalibrateCommandTests
{
    [Fact]
    public async Task Calibrate_JsonFormat_WritesOnlyJsonWithOverallAgreement()
    {
        var (exitCode, output, error) = await RunAsync("--rubrics", Fixture("rubrics"), "calibrate", Fixture("calibration.jsonl"), "--bank", "quality-ok", "--format", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(5, overall.GetProperty("n").GetInt32());
        foreach (var name in new[] { "pearson", "spearman", "qwk", "mae" })
        {
            Assert.Equal(JsonValueKind.Number, overall.GetProperty(name).ValueKind);
        }
        Assert.True(overall.GetProperty("pearson").GetDouble() > 0.5, output);
        Assert.Equal("quality-ok", json.RootElement.GetProperty("bank").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("skipped").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("scalePoints").GetInt32());
        var questions = json.RootElement.GetProperty("questions").EnumerateArray().ToList();
        Assert.Contains(questions, q => q.GetProperty("questionId").GetString() == "1.1" && q.GetProperty("drafted").GetBoolean());
        Assert.Contains(questions, q => q.GetProperty("questionId").GetString() == "deploy" && !q.GetProperty("drafted").GetBoolean());
    }

    [Fact]
    public async Task Calibrate_BadRows_AreReportedOnStderrWithLineNumbers()
    {
        var (_, _, error) = await RunAsync("--rubrics", Fixture("rubrics"), "calibrate", Fixture("calibration.jsonl"), "--bank", "quality-ok", "--format", "json");

        Assert.Contains("calibration.jsonl:4: no score", error, StringComparison.Ordinal);
        Assert.Contains("calibration.jsonl:7: unknown question id 'unknown-q'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_TableFormat_PrintsTheStatistics()
    {
        var (exitCode, output, error) = await RunAsync("--rubrics", Fixture("rubrics"), "calibrate", Fixture("calibration.jsonl"));

        Assert.True(exitCode == 0, error);
        foreach (var word in new[] { "overall", "pearson", "spearman", "qwk", "mae", "1.1 (drafted)" })
        {
            Assert.Contains(word, output, StringComparison.Ordinal);
        }
        Assert.Contains("bank: quality-ok v1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WithoutAnyBank_DraftsFromReferenceAnswers()
    {
        var empty = Directory.CreateTempSubdirectory("interviewer-no-banks-").FullName;
        try
        {
            var (exitCode, output, error) = await RunAsync("--rubrics", empty, "calibrate", Fixture("calibration.jsonl"), "--format", "json");

            Assert.True(exitCode == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(2, json.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
            Assert.Contains("bank: none", error, StringComparison.Ordinal);
            Assert.Contains("calibration.jsonl:1: unknown question id 'deploy'", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Calibrate_CsvWithOut_WritesTheReportToTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("interviewer-calibrate-").FullName;
        try
        {
            var input = Path.Combine(folder, "rows.csv");
            await File.WriteAllTextAsync(input, "question_id;answer;score;max_score\ndeploy;\"Contenedor, CI/CD y rollback; monitorizo métricas.\";4;5\ndeploy;No sé;0;5\n");
            var report = Path.Combine(folder, "report.json");

            var (exitCode, output, error) = await RunAsync("--rubrics", Fixture("rubrics"), "calibrate", input, "--format", "json", "--out", report);

            Assert.True(exitCode == 0, error);
            Assert.Empty(output);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            Assert.Equal(2, json.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Calibrate_MissingInput_ExitsOne()
    {
        var (exitCode, _, error) = await RunAsync("calibrate", "/nonexistent/rows.jsonl");

        Assert.Equal(1, exitCode);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_UnknownBank_ExitsOne()
    {
        var (exitCode, _, error) = await RunAsync("--rubrics", Fixture("rubrics"), "calibrate", Fixture("calibration.jsonl"), "--bank", "nope");

        Assert.Equal(1, exitCode);
        Assert.Contains("unknown bank 'nope'", error, StringComparison.Ordinal);
    }
}
