using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Drafting;

/// <summary>
/// Checks a drafted bank as <c>interviewer validate</c> would: written to files, read back, then its rubric quality. Imported
/// banks and the rubrics an LLM proposes for them pass the same check.
/// </summary>
public static class BankCheck
{
    /// <summary>The bank as read back from its files (null when they do not load) and every problem found.</summary>
    /// <param name="bank">The bank to check; it is written to a temporary folder that is removed afterwards.</param>
    public static (QuestionBank? Bank, IReadOnlyList<string> Problems) ReadBack(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var folder = Path.Combine(Path.GetTempPath(), "interviewer-import-" + Guid.NewGuid().ToString("N"), bank.Id);
        try
        {
            RubricWriter.WriteBank(folder, bank);
            var loaded = BankLoader.Load(folder);
            var problems = loaded.Problems.Select(p => Relative(p.ToString(), folder)).ToList();
            if (loaded.Succeeded)
            {
                problems.AddRange(RubricQualityChecks.Check(loaded.Bank!).Select(p => Relative(p.ToString(), folder)));
            }
            return (loaded.Bank, problems);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static string Relative(string problem, string folder) =>
        problem.Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
