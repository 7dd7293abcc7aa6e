using System.CommandLine;
using Spectre.Console;

namespace Interviewer.Cli;

/// <summary>Where a command writes: Spectre.Console over the invocation's writers, so tests can capture everything.</summary>
internal static class CliOutput
{
    public static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.No,
    });

    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;

    public static TextWriter Error(this ParseResult result) => result.InvocationConfiguration.Error;
}
