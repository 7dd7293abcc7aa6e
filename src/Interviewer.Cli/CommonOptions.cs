using System.CommandLine;
using Interviewer.Rubrics.Loading;

namespace Interviewer.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>The environment variable that overrides where banks are read from.</summary>
    public const string RubricsVariable = "INTERVIEWER_RUBRICS";

    public static Option<DirectoryInfo> Rubrics { get; } = new("--rubrics")
    {
        Description = $"Folder of question banks (one sub-folder per bank). Default: ${RubricsVariable}, else the banks shipped with interviewer.",
        Recursive = true,
        DefaultValueFactory = _ => new DirectoryInfo(CliEnvironment.Current.Variable(RubricsVariable) is { } dir ? CliEnvironment.Current.Resolve(dir) : BankCatalog.DefaultRoot),
    };

    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"{description} ({string.Join("|", formats)})",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
