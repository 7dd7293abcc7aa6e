using Interviewer.Rubrics.Loading;

namespace Interviewer.Api.Hosting;

/// <summary>Where the question banks are read from (<c>Interviewer:Rubrics</c>).</summary>
public sealed class RubricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Rubrics";

    /// <summary>The rubrics folder; empty means the banks shipped next to the program.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Whether <c>POST /api/banks/import</c> may save an imported bank into the rubrics folder. Default false: banks are deployed
    /// as files and reviewed like code; the import then only returns the draft (JSON or a zip of its files).
    /// </summary>
    public bool Writable { get; set; }

    /// <summary>The folder actually used.</summary>
    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? BankCatalog.DefaultRoot : Path;

    /// <summary>Loads the banks; a missing folder or a bank with problems stops the service naming this setting.</summary>
    internal BankCatalog LoadCatalog()
    {
        if (!Directory.Exists(ResolvedPath))
        {
            throw Setting.Invalid($"{Section}:Path: the rubrics folder '{ResolvedPath}' does not exist.");
        }
        try
        {
            return BankCatalog.Load(ResolvedPath);
        }
        catch (RubricLoadException ex)
        {
            throw Setting.Invalid($"{Section}:Path: the banks in '{ResolvedPath}' do not load: {(ex.Problems.Count > 0 ? string.Join("; ", ex.Problems) : ex.Message)}");
        }
    }
}
