using Interviewer.Rubrics.Loading;

namespace Interviewer.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ShippedRubrics_ExitsZero()
    {
        var run = await CliRun.InvokeAsync("validate", BankCatalog.DefaultRoot);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("mlops-es v", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Validate_BrokenCopy_ExitsOneWithFileLineMessages()
    {
        var copy = CopyShippedRubrics();
        try
        {
            var file = Path.Combine(copy, "mlops-es", "questions", "model-drift.yaml");
            var lines = File.ReadAllLines(file).ToList();
            var weightLine = lines.FindIndex(l => l.TrimStart().StartsWith("weight:", StringComparison.Ordinal));
            lines[weightLine] = lines[weightLine][..lines[weightLine].IndexOf('w', StringComparison.Ordinal)] + "weight: 0";
            File.WriteAllLines(file, lines);
            File.AppendAllText(Path.Combine(copy, "mlops-es", "questions", "canary-vs-blue-green.yaml"), "\nunexpected_key: 1\n");

            var run = await CliRun.InvokeAsync("validate", copy);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{file}:{weightLine + 1}: ", run.Error, StringComparison.Ordinal);
            Assert.Contains("weight must be greater than 0", run.Error, StringComparison.Ordinal);
            Assert.Contains("canary-vs-blue-green.yaml:", run.Error, StringComparison.Ordinal);
            Assert.Contains("unknown key 'unexpected_key'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Validate_WithRubricsOptionAndNoDir_ChecksThatFolder()
    {
        var run = await CliRun.InvokeAsync("--rubrics", "/nonexistent/rubrics", "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/nonexistent/rubrics", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsOne()
    {
        var run = await CliRun.InvokeAsync("validate", "/nonexistent/rubrics");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("folder not found", run.Error, StringComparison.Ordinal);
    }

    private static string CopyShippedRubrics()
    {
        var target = TestRun.Folder("validate").FullName;
        foreach (var file in Directory.GetFiles(BankCatalog.DefaultRoot, "*.yaml", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(BankCatalog.DefaultRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
