using System.Text.Json;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Cli.Tests;

public sealed class GradeCommandTests : IDisposable
{
    private static readonly string Rubrics = Path.Combine(AppContext.BaseDirectory, "Fixtures", "rubrics");
    private readonly DirectoryInfo _work = TestRun.Folder("grade");

    private const string GoodCsv = "id,question_id,answer,candidate\na1,drift,\"La deriva aparece en producción\",ana\na2,containers,Un container docker con dependencias,bob\n";

    public void Dispose() => _work.Delete(recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_work.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var run = await CliRun.InvokeAsync(["--rubrics", Rubrics, .. args]);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public async Task Grade_AllRowsGood_ExitsZeroWithATableAndSummary()
    {
        var (exit, output, error) = await RunAsync("grade", File("in.csv", GoodCsv));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("a1", output, StringComparison.Ordinal);
        Assert.Contains("containers", output, StringComparison.Ordinal);
        Assert.Contains("mean score", output, StringComparison.Ordinal);
        Assert.Contains("score distribution", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_SomeRowsBad_ExitsOneAndReportsEachOnStderrWithItsLine()
    {
        var input = File("in.csv", "id,question_id,answer\na1,drift,deriva\na2,nope,algo\na3,drift,\na4,drift,\"roto\"x\na5,containers,docker\n");

        var (exit, output, error) = await RunAsync("grade", input, "--format", "csv");

        Assert.Equal(1, exit);
        Assert.Contains("line 3 (id a2): unknown question 'nope'", error, StringComparison.Ordinal);
        Assert.Contains("line 4 (id a3): empty answer", error, StringComparison.Ordinal);
        Assert.Contains("line 5", error, StringComparison.Ordinal);
        var rows = CsvBatchReport.Read(new StringReader(output)).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Score is not null));
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task Grade_JsonLinesToJson_WritesOnlyJsonOnStdout()
    {
        var input = File("in.jsonl", "{\"id\":\"a1\",\"question_id\":\"drift\",\"answer\":\"deriva en producción\"}\n{\"id\":\"a2\",\"question\":\"¿Para qué sirve un contenedor?\",\"answer\":\"docker\"}\n");

        var (exit, output, _) = await RunAsync("grade", input, "--format", "json");

        Assert.Equal(0, exit);
        var report = JsonSerializer.Deserialize<BatchReport>(output, Interviewer.Rubrics.InterviewerJson.Options)!;
        Assert.Equal(["drift", "containers"], report.Results.Select(r => r.QuestionId));
        Assert.Equal(2, report.Summary.Graded);
        Assert.Equal("test-bank", report.Summary.Bank.Id);
    }

    [Fact]
    public async Task Grade_HtmlToFile_WritesOneSelfContainedFile()
    {
        var output = Path.Combine(_work.FullName, "out", "report.html");

        var (exit, stdout, error) = await RunAsync("grade", File("in.csv", GoodCsv), "--format", "html", "--out", output);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("graded 2 of 2 rows", error, StringComparison.Ordinal);
        var html = await System.IO.File.ReadAllTextAsync(output);
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_Markdown_WritesTheSummaryTables()
    {
        var (exit, output, _) = await RunAsync("grade", File("in.csv", GoodCsv), "-f", "md");

        Assert.Equal(0, exit);
        // The fixture bank is in Spanish, and so is its report.
        Assert.Contains("## Por pregunta", output, StringComparison.Ordinal);
        Assert.Contains("## Por candidato", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_FileNotFound_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("grade", Path.Combine(_work.FullName, "missing.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("missing.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_UnknownBank_ExitsTwoListingTheBanks()
    {
        var (exit, _, error) = await RunAsync("grade", File("in.csv", GoodCsv), "--bank", "nope");

        Assert.Equal(2, exit);
        Assert.Contains("test-bank", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_MissingAnswerColumn_ExitsTwoNamingIt()
    {
        var (exit, _, error) = await RunAsync("grade", File("in.csv", "id,question_id,respuesta\na1,drift,deriva\n"), "-f", "csv");

        Assert.Equal(2, exit);
        Assert.Contains("missing column(s) answer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_EmptyFile_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("grade", File("in.csv", string.Empty), "-f", "json");

        Assert.Equal(2, exit);
        Assert.Contains("no rows", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_LlmWithoutConfiguration_ExitsTwoNamingTheSetting()
    {
        var (exit, _, error) = await RunAsync("grade", File("in.csv", GoodCsv), "--grader", "llm");

        Assert.Equal(2, exit);
        Assert.Contains("Interviewer__Llm__Provider", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--grader", "magic")]
    public async Task Grade_ValueNotAllowed_IsAUsageErrorExitingTwo(string option, string value)
    {
        var (exit, _, _) = await RunAsync("grade", File("in.csv", GoodCsv), option, value);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Grade_Help_DocumentsTheExitCodes()
    {
        var (exit, output, _) = await RunAsync("grade", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Exit codes: 0 every row graded; 1 some rows failed; 2 usage or input error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_WithRepeat_ReportsTheSpreadOfEachAnswer()
    {
        var (exit, output, error) = await RunAsync("grade", File("in.csv", GoodCsv), "--repeat", "3", "--format", "json");

        Assert.Equal(0, exit);
        var report = JsonSerializer.Deserialize<BatchReport>(output, Interviewer.Rubrics.InterviewerJson.Options)!;
        Assert.All(report.Results, r => Assert.Equal(3, r.Stability!.Runs));
        Assert.All(report.Results, r => Assert.Equal(r.Grade!.Score, r.Stability!.Score.Min));
        Assert.Contains("repeat 3: 2 of 2 answers graded the same every time", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_RepeatBelowOne_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("grade", File("in.csv", GoodCsv), "--repeat", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--repeat", error, StringComparison.Ordinal);
    }
}
