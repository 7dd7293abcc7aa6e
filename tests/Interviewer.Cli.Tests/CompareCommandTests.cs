using System.Text.Json;

namespace Interviewer.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private static readonly string Rubrics = Path.Combine(AppContext.BaseDirectory, "Fixtures", "rubrics");
    private readonly DirectoryInfo _work = TestRun.Folder("compare");

    public void Dispose() => _work.Delete(recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_work.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Grades a CSV with the CLI and keeps its JSON output.</summary>
    private async Task<string> GradeAsync(string name, string csv)
    {
        var run = await CliRun.InvokeAsync("--rubrics", Rubrics, "grade", File(name + ".csv", csv), "--format", "json");
        return File(name + ".json", run.Out);
    }

    [Fact]
    public async Task Compare_TwoGradeRuns_ShowsScoreDeltasAndFlippedStatusesPerAnswer()
    {
        var a = await GradeAsync("a", "id,question_id,answer\nx1,drift,No sé.\nx2,containers,docker\n");
        var b = await GradeAsync("b", "id,question_id,answer\nx1,drift,La deriva aparece en producción\nx2,containers,docker\n");

        var run = await CliRun.InvokeAsync("compare", a, b, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var comparison = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("grade", comparison.GetProperty("kind").GetString());
        var answer = Assert.Single(comparison.GetProperty("answers").EnumerateArray());
        Assert.Equal("x1", answer.GetProperty("id").GetString());
        Assert.Equal(0, answer.GetProperty("scoreA").GetDouble());
        Assert.True(answer.GetProperty("delta").GetDouble() > 0);
        Assert.Contains(answer.GetProperty("flips").EnumerateArray(), f => f.GetProperty("from").GetString() == "missing");
        var drift = Assert.Single(comparison.GetProperty("questions").EnumerateArray(), q => q.GetProperty("questionId").GetString() == "drift");
        Assert.Equal(answer.GetProperty("delta").GetDouble(), drift.GetProperty("figures")[0].GetProperty("delta").GetDouble());
        Assert.Contains(comparison.GetProperty("keyPoints").EnumerateArray(), k => k.GetProperty("up").GetInt32() == 1);
        Assert.Equal(0, comparison.GetProperty("onlyInA").GetInt32());
    }

    [Fact]
    public async Task Compare_SameRunTwice_ChangesNothing_AndTheTableSaysSo()
    {
        var a = await GradeAsync("a", "id,question_id,answer\nx1,drift,deriva\n");

        var run = await CliRun.InvokeAsync("compare", a, a);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 answers changed; only in A: 0, only in B: 0.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Markdown_HasTheOverallTable()
    {
        var a = await GradeAsync("a", "id,question_id,answer\nx1,drift,No sé.\n");
        var b = await GradeAsync("b", "id,question_id,answer\nx1,drift,La deriva aparece en producción\n");

        var run = await CliRun.InvokeAsync("compare", a, b, "--format", "md");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Comparison of two grade runs", run.Out, StringComparison.Ordinal);
        Assert.Contains("| figure | A | B | change |", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_GradeWithCalibration_IsAUsageError()
    {
        var a = await GradeAsync("a", "id,question_id,answer\nx1,drift,deriva\n");
        var calibration = File("c.json", "{\"overall\":{},\"questions\":[]}");

        var run = await CliRun.InvokeAsync("compare", a, calibration);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: A is a grade run and B a calibration run; compare two of the same kind.", run.Error.Trim());
    }

    [Fact]
    public async Task Compare_MissingFileOrNotJson_IsAUsageError()
    {
        var text = File("x.json", "id,answer\n");

        var missing = await CliRun.InvokeAsync("compare", Path.Combine(_work.FullName, "nope.json"), text);
        var notJson = await CliRun.InvokeAsync("compare", text, text);

        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: A: ", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, notJson.ExitCode);
        Assert.Contains("is not JSON", notJson.Error, StringComparison.Ordinal);
    }
}
