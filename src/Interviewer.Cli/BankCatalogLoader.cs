using System.CommandLine;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Cli;

/// <summary>Loads the banks named by <c>--rubrics</c>, reporting problems on stderr.</summary>
internal static class BankCatalogLoader
{
    public static BankCatalog? TryLoad(ParseResult result)
    {
        var root = result.GetValue(CommonOptions.Rubrics)!.FullName;
        try
        {
            return BankCatalog.Load(root);
        }
        catch (RubricLoadException e)
        {
            foreach (var problem in e.Problems)
            {
                result.Error().WriteLine(problem);
            }
            result.Error().WriteLine($"error: the banks in {root} could not be loaded; run 'interviewer validate {root}' for details.");
            return null;
        }
    }

    public static QuestionBank? TryFindBank(ParseResult result, BankCatalog catalog, string? bankId)
    {
        if (string.IsNullOrWhiteSpace(bankId))
        {
            if (catalog.Banks.Count == 1)
            {
                return catalog.Banks[0];
            }
            result.Error().WriteLine($"error: several banks are available; name one with --bank ({string.Join(", ", catalog.Banks.Select(b => b.Id))}).");
            return null;
        }
        if (catalog.Find(bankId) is { } bank)
        {
            return bank;
        }
        result.Error().WriteLine($"error: unknown bank '{bankId}'. Available: {string.Join(", ", catalog.Banks.Select(b => b.Id))}.");
        return null;
    }

    /// <summary>The folder a loaded bank was read from (a --rubrics folder may itself be the bank's folder).</summary>
    public static string BankFolder(ParseResult result, QuestionBank bank)
    {
        var root = result.GetValue(CommonOptions.Rubrics)!.FullName;
        return File.Exists(Path.Combine(root, BankLoader.BankFileName)) ? root : Path.Combine(root, bank.Id);
    }
}
