using System.Diagnostics;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>The real <c>interviewer</c> command line, run as its own process, for round trips from the API to the CLI.</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Only what the test passes: no machine settings leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Interviewer__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("INTERVIEWER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The CLI built beside this test project (same configuration), found from the repository root.</summary>
    private static string CliPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Interviewer.sln")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root!.FullName, "src", "Interviewer.Cli", "bin", configuration, here.Name, "interviewer.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The interviewer CLI is not built at {path}.");
    }
}
