using System.CommandLine;
using Interviewer.Cli.Commands;

namespace Interviewer.Cli;

/// <summary>The <c>interviewer</c> command line: the root command and its sub-commands.</summary>
internal static class InterviewerCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Interviewer: MLOps mock interviews. List and validate question banks, import interview guides, grade written answers, calibrate rubrics against human scores.");
        root.Options.Add(CommonOptions.Rubrics);
        root.Subcommands.Add(BanksCommand.Create());
        root.Subcommands.Add(BankCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(GradeCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(DraftCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExemplarsCommand.Create());
        return root;
    }

    /// <summary>
    /// Runs the command line; <paramref name="output"/> and <paramref name="error"/> default to the console, and
    /// <paramref name="environment"/> (variables and working folder) to the process's.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CliEnvironment? environment = null, CancellationToken ct = default) =>
        (environment ?? CliEnvironment.FromProcess()).RunAsync(() => InvokeInEnvironmentAsync(args, output, error, ct));

    private static async Task<int> InvokeInEnvironmentAsync(string[] args, TextWriter? output, TextWriter? error, CancellationToken ct)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        var parsed = CreateRootCommand().Parse(args);
        var exitCode = await parsed.InvokeAsync(configuration, ct);
        // A usage error (unknown option, missing argument, value not allowed) exits 2; each command documents its own codes.
        return parsed.Errors.Count > 0 ? 2 : exitCode;
    }
}
