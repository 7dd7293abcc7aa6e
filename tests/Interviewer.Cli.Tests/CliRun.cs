namespace Interviewer.Cli.Tests;

/// <summary>The CLI run in-process, with what it wrote to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    private static readonly string EmptyFolder = TestRun.Folder("cli-cwd").FullName;

    /// <summary>
    /// Runs in an environment of the test's own (no variables, an empty working folder), so that the machine's
    /// <c>Interviewer__*</c>, <c>INTERVIEWER_RUBRICS</c>, <c>INTERVIEWER_CONFIG</c> or an <c>./interviewer.json</c> change nothing.
    /// </summary>
    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeAsync(Environment(), args);

    public static async Task<CliRun> InvokeAsync(CliEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await InterviewerCli.InvokeAsync(args, output, error, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>An environment with only <paramref name="variables"/>, working in <paramref name="workingDirectory"/> (default an empty folder).</summary>
    public static CliEnvironment Environment(IReadOnlyDictionary<string, string>? variables = null, string? workingDirectory = null) =>
        new(variables ?? new Dictionary<string, string>(), workingDirectory ?? EmptyFolder);
}
