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

    /// <summary>The bank named by <c>--bank</c> (else the only one), or null after writing why not.</summary>
    public static QuestionBank? TryFindBank(ParseResult result, BankCatalog catalog, string? bankId)
    {
        var resolution = catalog.Resolve(bankId);
        if (resolution.Bank is null)
        {
            result.Error().WriteLine($"error: {resolution.Error}{(resolution.IsAmbiguous ? " with --bank" : string.Empty)}.");
        }
        return resolution.Bank;
    }

    /// <summary>The folder a loaded bank was read from (a --rubrics folder may itself be the bank's folder).</summary>
    public static string BankFolder(ParseResult result, QuestionBank bank) =>
        BankCatalog.FolderOf(result.GetValue(CommonOptions.Rubrics)!.FullName, bank.Id);
}
