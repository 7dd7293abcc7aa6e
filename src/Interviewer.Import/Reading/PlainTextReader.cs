using System.Globalization;

namespace Interviewer.Import.Reading;

/// <summary>
/// Plain text: one block per line (a wrapped line that goes on in lower case joins the one before), list items by their
/// marker, table rows as `| a | b |` lines or as a line "|" followed by one line per cell ending in "|" (text copied from a
/// web page), and headings by their shape: short lines that do not end like a sentence. A first line shaped like a heading is
/// the document's title.
/// </summary>
internal static class PlainTextReader
{
    private const int MaxHeadingLength = 100;
    private const int MaxHeadingWords = 14;

    public static GuideDocument Read(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocumentBlock>();
        var blankBefore = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var location = $"line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (line.Length == 0)
            {
                blankBefore = true;
                continue;
            }
            if (line == "|")
            {
                // A row copied from a web table: "|" then one line per cell, each ending in "|".
                var cells = new List<string>();
                while (i + 1 < lines.Length && lines[i + 1].Trim() is { Length: > 1 } cell && cell.EndsWith('|'))
                {
                    cells.Add(cell[..^1]);
                    i++;
                }
                BlockText.Add(blocks, BlockKind.TableRow, BlockText.Row(cells), location);
            }
            else if (line.Length > 2 && line[0] == '|' && line[^1] == '|')
            {
                var cells = line[1..^1].Split('|');
                if (!cells.All(c => c.Trim().Trim(':').All(ch => ch == '-')))
                {
                    BlockText.Add(blocks, BlockKind.TableRow, BlockText.Row(cells), location);
                }
            }
            else if (ListMarkerLength(line) is > 0 and var marker)
            {
                BlockText.Add(blocks, BlockKind.ListItem, line[marker..], location, number: ListNumber(line));
            }
            else if (LooksLikeHeading(line))
            {
                BlockText.Add(blocks, BlockKind.Heading, line, location);
            }
            else if (!blankBefore && blocks.Count > 0 && blocks[^1] is { Kind: BlockKind.Paragraph or BlockKind.ListItem } previous
                && char.IsLower(line[0]) && !EndsSentence(previous.Text))
            {
                blocks[^1] = previous with { Text = previous.Text + " " + BlockText.Clean(line) };
            }
            else
            {
                BlockText.Add(blocks, BlockKind.Paragraph, line, location);
            }
            blankBefore = false;
        }

        string? title = null;
        if (blocks.Count > 1 && blocks[0] is { Kind: BlockKind.Heading, Location: "line 1" } first)
        {
            title = first.Text;
            blocks.RemoveAt(0);
        }
        return new GuideDocument(GuideFormats.Text, title, blocks);
    }

    /// <summary>Length of a list marker ("- ", "* ", "• ", "1. ", "a) ") at the start of a line, or 0.</summary>
    internal static int ListMarkerLength(string line)
    {
        if (line.Length > 2 && line[0] is '-' or '*' or '•' or '·' or '–' or '◦' or '▪' && line[1] == ' ')
        {
            return 2;
        }
        var digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }
        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ' ? digits + 2 : 0;
    }

    /// <summary>The number of a numbered list marker ("12. " → 12); null for a bullet.</summary>
    internal static int? ListNumber(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }
        return digits > 0 ? int.Parse(line.AsSpan(0, digits), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A short line that starts with a capital (or a digit) and does not end like a sentence.</summary>
    internal static bool LooksLikeHeading(string line) =>
        line.Length <= MaxHeadingLength
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]))
        && !EndsSentence(line) && line[^1] is not (',' or ':' or '-' or '(' or '|')
        && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords;

    private static bool EndsSentence(string text) => text[^1] is '.' or '!' or '?' or ';' or '…';
}
