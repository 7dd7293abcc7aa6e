using System.Text.Json;

namespace Interviewer.Cli.Tests;

/// <summary>The command line reads rows as the HTTP API does: camelCase or snake_case names, JSON Lines or a JSON document.</summary>
public sealed class InputMappingTests : IDisposable
{
    private static readonly string Rubrics = Path.Combine(AppContext.BaseDirectory, "Fixtures", "rubrics");
    private static readonly string CalibrationRubrics = Path.Combine(AppContext.BaseDirectory, "Fixtures", "calibration", "rubrics");
    private readonly DirectoryInfo _work = TestRun.Folder("input");

    public void Dispose() => _work.Delete(recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_work.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Grade_JsonLinesWithCamelCaseNames_GradesEveryRow()
    {
        var input = File("in.jsonl", "{\"id\":\"a1\",\"questionId\":\"drift\",\"answer\":\"La deriva aparece en producción\"}\n{\"id\":\"a2\",\"question_id\":\"containers\",\"answer\":\"docker\"}\n");

        var run = await CliRun.InvokeAsync("--rubrics", Rubrics, "grade", input, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var results = JsonDocument.Parse(run.Out).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["drift", "containers"], results.Select(r => r.GetProperty("questionId").GetString()));
    }

    [Fact]
    public async Task Grade_TheApiJsonBodyAsAFile_IsReadAsRows()
    {
        var input = File("body.json", "{\n  \"bankId\": \"ignored-here\",\n  \"items\": [\n    { \"id\": \"a1\", \"questionId\": \"drift\", \"answer\": \"deriva\" }\n  ]\n}\n");

        var run = await CliRun.InvokeAsync("--rubrics", Rubrics, "grade", input, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var result = Assert.Single(JsonDocument.Parse(run.Out).RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("a1", result.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Calibrate_JsonLinesWithCamelCaseNames_ReadsEveryRow()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 4).Select(i =>
            $"{{\"answerId\":\"x{i}\",\"questionId\":\"testing\",\"answer\":\"Tests catch regressions early {i}\",\"score\":{i},\"maxScore\":5}}"));
        var input = File("rows.jsonl", lines + "\n");

        var run = await CliRun.InvokeAsync("--rubrics", CalibrationRubrics, "calibrate", input, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(4, report.GetProperty("rows").GetProperty("answers").GetInt32());
        Assert.Equal(0, report.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task Grade_UnknownBank_SaysSoInTheSharedWords()
    {
        var input = File("in.csv", "id,question_id,answer\na1,drift,deriva\n");

        var run = await CliRun.InvokeAsync("--rubrics", Rubrics, "grade", input, "--bank", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: unknown bank 'nope'; banks: ", run.Error, StringComparison.Ordinal);
    }
}
