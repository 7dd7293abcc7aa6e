using System.Text;

namespace Interviewer.Import.Reading;

/// <summary>Text of a block as the parser reads it: whitespace runs (line breaks too) collapsed to one space, trimmed.</summary>
internal static class BlockText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var clean = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b')
            {
                space = clean.Length > 0;
                continue;
            }
            if (space)
            {
                clean.Append(' ');
                space = false;
            }
            clean.Append(c);
        }
        return clean.ToString();
    }

    /// <summary>Adds a block unless its text is empty.</summary>
    public static void Add(List<DocumentBlock> blocks, BlockKind kind, string? text, string location, int level = 0, int? number = null)
    {
        var clean = Clean(text);
        if (clean.Length > 0)
        {
            blocks.Add(new DocumentBlock(kind, clean, location) { Level = level, Number = number });
        }
    }

    /// <summary>A table row's block text from its cells' texts (empty cells left out).</summary>
    public static string Row(IEnumerable<string> cells) =>
        string.Join(DocumentBlock.CellSeparator, cells.Select(Clean).Where(c => c.Length > 0));
}
