namespace Interviewer.Cli.Tests;

/// <summary>Fixtures and runs for the draft, calibrate and validate-quality tests.</summary>
internal static class KeywordCli
{
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", "keyword", .. parts]);

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);
        return (run.ExitCode, run.Out, run.Error);
    }
}
