using System.Text.RegularExpressions;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>A copy of the fixture bank in a folder of the test's own, to edit between two runs of the service.</summary>
internal sealed partial class EditableRubrics
{
    private EditableRubrics(string root) => Root = root;

    /// <summary>The rubrics folder (holds <c>test-bank/</c>).</summary>
    public string Root { get; }

    private string Bank => Path.Combine(Root, "test-bank");

    public static EditableRubrics Copy()
    {
        var root = TestRun.Folder("rubrics").FullName;
        foreach (var file in Directory.GetFiles(LiveApps.FixtureRubrics, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(LiveApps.FixtureRubrics, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new EditableRubrics(root);
    }

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in a file of the bank; fails when there is none.</summary>
    public void Replace(string file, string old, string replacement)
    {
        var path = Path.Combine(Bank, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in {file}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length)));
    }

    /// <summary>Writes a file of the bank (folders created as needed).</summary>
    public void Write(string file, string text)
    {
        var path = Path.Combine(Bank, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Delete(string file) => File.Delete(Path.Combine(Bank, file));

    public void BumpVersion()
    {
        var path = Path.Combine(Bank, "bank.yaml");
        File.WriteAllText(path, VersionLine().Replace(File.ReadAllText(path), m => $"version: {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}", 1));
    }

    [GeneratedRegex(@"^version:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
