using System.Text.Json;

namespace Interviewer.Cli.Tests;

public sealed class ExemplarsCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "calibration");
    private readonly string _rubrics;

    public ExemplarsCommandTests()
    {
        // A copy of the calibration bank (version 3): these tests write into it.
        _rubrics = TestRun.Folder("exemplars").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "rubrics"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_rubrics, Path.GetRelativePath(Path.Combine(Fixtures, "rubrics"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_rubrics, recursive: true);

    private Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeAsync([.. args, "--rubrics", _rubrics]);

    [Fact]
    public async Task ImportListRemove_RoundTrip_BumpsTheVersionEachTime()
    {
        var imported = await RunAsync("exemplars", "import", Path.Combine(Fixtures, "two-raters.jsonl"), "--bank", "calib");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("bank calib is now v4", imported.Out, StringComparison.Ordinal);
        var h2 = File.ReadLines(Path.Combine(_rubrics, "calib", "exemplars", "testing.jsonl")).Single(l => l.Contains("\"id\":\"h2\"", StringComparison.Ordinal));
        // score_a 5 and score_b 4 become one exemplar with the mean.
        Assert.Contains("\"score\":4.5,\"max_score\":5,\"rater\":\"a, b\"", h2, StringComparison.Ordinal);

        var listed = await RunAsync("exemplars", "list", "calib", "--format", "json");

        Assert.Equal(0, listed.ExitCode);
        using var json = JsonDocument.Parse(listed.Out);
        Assert.Equal(4, json.RootElement.GetProperty("bank").GetProperty("version").GetInt32());
        var ids = json.RootElement.GetProperty("exemplars").EnumerateArray().Select(e => e.GetProperty("exemplar").GetProperty("id").GetString()).ToList();
        Assert.Contains("h2", ids);

        var removed = await RunAsync("exemplars", "remove", "calib", "--ids", "h2,h1");

        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("2 removed; bank calib is now v5", removed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"h2\"", File.ReadAllText(Path.Combine(_rubrics, "calib", "exemplars", "testing.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_UnknownId_ExitsOneAndSaysWhich()
    {
        var run = await RunAsync("exemplars", "remove", "calib", "--ids", "nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no exemplar nope", run.Error, StringComparison.Ordinal);
        Assert.Contains("still v3", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exemplars", "import", "x.jsonl")]
    [InlineData("exemplars", "remove", "calib")]
    [InlineData("exemplars", "list")]
    [InlineData("exemplars", "frobnicate")]
    public async Task MissingOrUnknownArguments_AreUsageErrors(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("exemplars")]
    [InlineData("exemplars", "import")]
    [InlineData("exemplars", "list")]
    [InlineData("exemplars", "remove")]
    public async Task Help_DescribesEachCommand(params string[] args)
    {
        var run = await RunAsync([.. args, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_CrossValidate_ReportsTheFoldsAndAnchors()
    {
        var run = await RunAsync("calibrate", Path.Combine(Fixtures, "two-raters.jsonl"), "--bank", "calib", "--cross-validate", "3", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(3, json.RootElement.GetProperty("crossValidation").GetProperty("folds").GetInt32());
    }

    [Theory]
    [InlineData("--cross-validate", "1")]
    [InlineData("--exemplars", "10")]
    [InlineData("--save-exemplars")]
    public async Task Calibrate_BadExemplarOptions_AreUsageErrors(params string[] options)
    {
        // --save-exemplars needs --bank; --exemplars needs --cross-validate; one fold cannot leave anything out.
        var run = await RunAsync(["calibrate", Path.Combine(Fixtures, "two-raters.jsonl"), .. options]);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Calibrate_SaveExemplars_ImportsTheRowsIntoTheBank()
    {
        var run = await RunAsync("calibrate", Path.Combine(Fixtures, "two-raters.jsonl"), "--bank", "calib", "--save-exemplars", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("bank calib is now v4", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_rubrics, "calib", "exemplars", "testing.jsonl")));
    }
}
