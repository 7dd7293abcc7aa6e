using System.Reflection;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Hosting;

/// <summary>
/// A bad setting stops the service with one log line that names it and exit code 1, instead of an unhandled exception's
/// stack trace. Under a test host (WebApplicationFactory) the exception goes on to the test instead.
/// </summary>
public static class StartupFailure
{
    /// <summary>Exit code of a service stopped at start by a bad setting.</summary>
    public const int ExitCode = 1;

    /// <summary>True when this program is the process, not an assembly loaded by a test host.</summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>What a start-up exception says about settings: its messages, or none when it is not about settings.</summary>
    public static IReadOnlyList<string> Reasons(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        // Several options failing their validation at once.
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => [],
    };

    /// <summary>Writes the reasons as one critical log line on the console and returns <see cref="ExitCode"/>.</summary>
    public static int Report(IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        using (var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true)))
        {
            var reason = string.Join(" ", reasons.Select(r => r.ReplaceLineEndings("; ")));
            loggers.CreateLogger("Interviewer.Api").LogCritical("The service cannot start: {Reason}", reason);
        }
        return ExitCode;
    }
}
