using System.Text.Json;

namespace Interviewer.Cli.Tests;

public sealed class CalibrateCommandTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "calibration");
    private static readonly string Rubrics = Path.Combine(Fixtures, "rubrics");

    private static Task<CliRun> CalibrateAsync(string input, params string[] more) =>
        CliRun.InvokeAsync(["calibrate", Path.Combine(Fixtures, input), "--rubrics", Rubrics, "--bank", "calib", .. more]);

    [Fact]
    public async Task Calibrate_ApplyWithoutWhatIf_IsAUsageErrorAndWritesNothing()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--apply");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--what-if", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Calibrate_UnknownGrader_IsAUsageError()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--grader", "magic");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("magic", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_OutIntoAMissingFolder_CreatesIt()
    {
        var report = Path.Combine(TestRun.Folder("calibrate").FullName, "reports", "calibration.json");

        var run = await CalibrateAsync("two-raters.jsonl", "--format", "json", "--out", report);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(json.RootElement.GetProperty("overall").ValueKind == JsonValueKind.Object);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Calibrate_Json_WithTwoRaterColumns_ReportsHumansBesideTheGrader()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(8, root.GetProperty("rows").GetProperty("answers").GetInt32());
        Assert.Equal(16, root.GetProperty("rows").GetProperty("used").GetInt32());
        var raters = root.GetProperty("raters");
        Assert.Equal(["a", "b"], raters.GetProperty("raters").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Number, raters.GetProperty("alphaInterval").GetProperty("value").ValueKind);
        Assert.Equal(2, raters.GetProperty("graderVsRaters").GetArrayLength());
        Assert.Contains("each other", root.GetProperty("headline").GetString(), StringComparison.Ordinal);
        foreach (var field in new[] { "n", "pearson", "spearman", "qwk", "mae", "bias" })
        {
            Assert.True(root.GetProperty("overall").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Calibrate_WithBadRows_ReportsEachWithItsLineAndGradesTheRest()
    {
        var run = await CalibrateAsync("bad-rows.csv", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2.Contains("outside 0..5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 4 && p.Item2.Contains("unknown question id 'nope'", StringComparison.Ordinal));
        Assert.Equal(2, json.RootElement.GetProperty("rows").GetProperty("answers").GetInt32());
        Assert.Contains("bad-rows.csv:3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WhenEveryScoreIsEqual_SaysUndefinedInsteadOfNaN()
    {
        var run = await CalibrateAsync("all-equal.csv");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("NaN", run.Out, StringComparison.Ordinal);
        Assert.Contains("undefined overall", run.Out, StringComparison.Ordinal);
        Assert.Contains("one human score per answer", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_Html_IsOneSelfContainedPageWithSvgPlots()
    {
        var outFile = Path.Combine(TestRun.Folder("calib").FullName, "report.html");

        var run = await CalibrateAsync("two-raters.jsonl", "--format", "html", "--out", outFile);

        Assert.Equal(0, run.ExitCode);
        var html = await File.ReadAllTextAsync(outFile);
        Assert.Contains("<svg id=\"scatter\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"confusion\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"questions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>hostile</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WhatIf_AppliesTheChosenSuggestionsAndShowsTheAgreementBefore()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--format", "json", "--what-if", "s1");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var whatIf = json.RootElement.GetProperty("whatIf");
        Assert.Equal("s1", whatIf.GetProperty("applied")[0].GetProperty("id").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("bank").GetProperty("version").GetInt32());
        Assert.True(whatIf.GetProperty("before").TryGetProperty("qwk", out _));
    }

    [Fact]
    public async Task Calibrate_Markdown_HasTheAgreementTable()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--format", "md");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("| **overall** |", run.Out, StringComparison.Ordinal);
        Assert.Contains("## Humans beside the grader", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WithTheLlmGraderButNoModel_SaysWhatToSetAndExitsTwo()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--grader", "llm");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs a model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WhatIfWithAnUnknownSuggestion_ListsTheOnesThatExistAndExitsTwo()
    {
        var run = await CalibrateAsync("two-raters.jsonl", "--what-if", "s99");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no suggestion s99", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_InputThatDoesNotExist_ExitsTwo()
    {
        var run = await CalibrateAsync("no-such-file.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_ApplyWithoutABank_IsRefusedBeforeGrading()
    {
        var noBanks = TestRun.Folder("no-banks");
        var run = await CliRun.InvokeAsync("calibrate", Path.Combine(Fixtures, "two-raters.jsonl"), "--rubrics", noBanks.FullName, "--what-if", "s1", "--apply");
        noBanks.Delete();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--apply needs a bank", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
