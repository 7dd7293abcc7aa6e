using System.Collections;

namespace Interviewer.Cli;

/// <summary>
/// What the command line reads from its process: environment variables and the working folder. A run can be given one of
/// its own (tests do, so that the machine's <c>Interviewer__*</c> variables or an <c>./interviewer.json</c> change nothing).
/// </summary>
internal sealed class CliEnvironment
{
    private static readonly AsyncLocal<CliEnvironment?> Ambient = new();

    public CliEnvironment(IReadOnlyDictionary<string, string> variables, string workingDirectory)
    {
        Variables = variables;
        WorkingDirectory = Path.GetFullPath(workingDirectory);
    }

    /// <summary>The environment of the run in progress: the one given to <see cref="InterviewerCli.InvokeAsync"/>, else the process's.</summary>
    public static CliEnvironment Current => Ambient.Value ?? FromProcess();

    public IReadOnlyDictionary<string, string> Variables { get; }

    public string WorkingDirectory { get; }

    public string? Variable(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>A path as the user wrote it, resolved against the working folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    public static CliEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }
        return new CliEnvironment(variables, Environment.CurrentDirectory);
    }

    /// <summary>Makes this the environment of everything <paramref name="run"/> does, including its awaited continuations.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        try
        {
            return await run();
        }
        finally
        {
            Ambient.Value = previous;
        }
    }
}
