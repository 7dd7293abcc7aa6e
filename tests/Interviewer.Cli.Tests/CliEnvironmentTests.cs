namespace Interviewer.Cli.Tests;

[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <summary>The command line reads only the environment it is given: tests give their own, users get the process's.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class CliEnvironmentTests : IDisposable
{
    private static readonly string CalibrationRubrics = Path.Combine(AppContext.BaseDirectory, "Fixtures", "calibration", "rubrics");
    private readonly DirectoryInfo _work = TestRun.Folder("cli-env");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task RubricsVariable_OfTheGivenEnvironment_ChoosesTheBanks()
    {
        var environment = CliRun.Environment(new Dictionary<string, string> { [CommonOptions.RubricsVariable] = CalibrationRubrics });

        var run = await CliRun.InvokeAsync(environment, "banks");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("calib", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("mlops-es", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsFile_InTheWorkingFolder_IsRead()
    {
        await File.WriteAllTextAsync(Path.Combine(_work.FullName, GraderFactory.DefaultConfigFile), """{ "Interviewer": { "Llm": { "Provider": "Carrier-pigeon" } } }""");
        var answers = Path.Combine(_work.FullName, "answers.csv");
        await File.WriteAllTextAsync(answers, "id,question_id,answer\na1,model-drift,La deriva del modelo\n");

        var run = await CliRun.InvokeAsync(CliRun.Environment(workingDirectory: _work.FullName), "grade", answers, "--bank", "mlops-es");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Interviewer:Llm:Provider", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessVariables_DoNotReachARunGivenItsOwnEnvironment()
    {
        var missing = Path.Combine(_work.FullName, "no-banks-here");
        Environment.SetEnvironmentVariable(CommonOptions.RubricsVariable, missing);
        Environment.SetEnvironmentVariable("Interviewer__Llm__Provider", "Carrier-pigeon");
        try
        {
            Assert.Equal(missing, CliEnvironment.FromProcess().Variable(CommonOptions.RubricsVariable));

            var run = await CliRun.InvokeAsync("banks");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("mlops-es", run.Out, StringComparison.Ordinal);
            Assert.Empty(run.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CommonOptions.RubricsVariable, null);
            Environment.SetEnvironmentVariable("Interviewer__Llm__Provider", null);
        }
    }
}
