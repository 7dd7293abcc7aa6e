namespace Interviewer.Cli.Tests;

/// <summary>Runs the CLI in-process and keeps what it wrote, for the draft, calibrate and validate-quality tests.</summary>
internal static class KeywordCli
{
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", "keyword", .. parts]);

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await InterviewerCli.InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
