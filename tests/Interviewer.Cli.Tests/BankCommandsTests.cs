using System.Text.Json;

namespace Interviewer.Cli.Tests;

public sealed class BankCommandsTests
{
    [Fact]
    public async Task Banks_ListsTheShippedBank()
    {
        var run = await CliRun.InvokeAsync("banks");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("mlops-es", run.Out, StringComparison.Ordinal);
        Assert.Contains("Entrevista de MLOps", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BankShow_Json_HasEveryQuestionWithKeyPointsInCamelCase()
    {
        var run = await CliRun.InvokeAsync("bank", "show", "mlops-es", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("mlops-es", root.GetProperty("id").GetString());
        Assert.Equal(5, root.GetProperty("categories").GetArrayLength());
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(36, questions.Count);
        Assert.All(questions, q =>
        {
            Assert.True(q.GetProperty("keyPoints").GetArrayLength() >= 3);
            Assert.True(q.TryGetProperty("modelAnswer", out _));
        });
        var keyPoint = questions[0].GetProperty("keyPoints")[0];
        Assert.True(keyPoint.GetProperty("concepts")[0].GetProperty("phrases").GetArrayLength() > 0);
        Assert.True(keyPoint.TryGetProperty("followUp", out _));
    }

    [Fact]
    public async Task BankShow_Table_ShowsQuestionsAndKeyPoints()
    {
        var run = await CliRun.InvokeAsync("bank", "show", "mlops-es");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("model-drift", run.Out, StringComparison.Ordinal);
        Assert.Contains("not in the default plan", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BankShow_UnknownBank_ExitsTwoNamingTheAvailableOnes()
    {
        var run = await CliRun.InvokeAsync("bank", "show", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown bank 'nope'", run.Error, StringComparison.Ordinal);
        Assert.Contains("mlops-es", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BankShow_UnknownFormat_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("bank", "show", "mlops-es", "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banks")]
    [InlineData("bank", "show")]
    [InlineData("validate")]
    public async Task EveryCommand_HasHelp(params string[] command)
    {
        var run = await CliRun.InvokeAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var run = await CliRun.InvokeAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out.Trim());
    }
}
