using System.Text.RegularExpressions;

namespace Interviewer.Rubrics.Loading;

/// <summary>Bumps the <c>version:</c> of a bank's <c>bank.yaml</c>, keeping the rest of the file as it is.</summary>
public static partial class BankVersion
{
    /// <summary>Sets <c>bank.yaml</c>'s version in <paramref name="bankDirectory"/> to <paramref name="current"/> + 1 and returns the file.</summary>
    public static string Bump(string bankDirectory, int current)
    {
        var bankFile = Path.Combine(bankDirectory, BankLoader.BankFileName);
        var text = File.ReadAllText(bankFile);
        File.WriteAllText(bankFile, VersionLine().Replace(text, m => $"{m.Groups[1].Value}{current + 1}", 1));
        return bankFile;
    }

    [GeneratedRegex(@"^(version:\s*)\d+", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
