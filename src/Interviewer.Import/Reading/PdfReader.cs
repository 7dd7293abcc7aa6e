using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Interviewer.Import.Reading;

/// <summary>
/// PDF (PdfPig): words grouped into lines, lines into paragraphs by the space between them. A line set larger than the body
/// text is a heading; a line that starts with a bullet is a list item; wide gaps between words inside a line are table cells.
/// The title is the document's Title property, else a first line set larger than every other.
/// </summary>
internal static class PdfReader
{
    /// <summary>A line this much larger than the body text is a heading.</summary>
    private const double HeadingScale = 1.15;

    public static GuideDocument Read(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var lines = new List<Line>();
        foreach (var page in pdf.GetPages())
        {
            lines.AddRange(Lines(page));
        }
        if (lines.Count == 0)
        {
            throw new GuideImportException("the PDF has no text to read (a scanned document needs text recognition first).");
        }

        var body = lines.GroupBy(l => Math.Round(l.Size, 1)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var headingSizes = lines.Where(l => l.Size >= body * HeadingScale).Select(l => Math.Round(l.Size, 1)).Distinct().OrderDescending().ToList();
        string? title = BlockText.Clean(pdf.Information.Title) is { Length: > 0 } property ? property : null;
        var first = 0;
        if (title is null && headingSizes.Count > 1 && Math.Round(lines[0].Size, 1) == headingSizes[0] && lines.Count(l => Math.Round(l.Size, 1) == headingSizes[0]) == 1)
        {
            title = lines[0].Text;
            headingSizes.RemoveAt(0);
            first = 1;
        }

        var blocks = new List<DocumentBlock>();
        Line? previous = null;
        for (var i = first; i < lines.Count; i++)
        {
            var line = lines[i];
            var location = $"page {line.Page.ToString(CultureInfo.InvariantCulture)}";
            var size = Math.Round(line.Size, 1);
            if (size >= body * HeadingScale)
            {
                BlockText.Add(blocks, BlockKind.Heading, line.Text, location, headingSizes.IndexOf(size) + 1);
            }
            else if (line.Text.Contains(DocumentBlock.CellSeparator, StringComparison.Ordinal))
            {
                BlockText.Add(blocks, BlockKind.TableRow, line.Text, location);
            }
            else if (PlainTextReader.ListMarkerLength(line.Text) is > 0 and var marker)
            {
                BlockText.Add(blocks, BlockKind.ListItem, line.Text[marker..], location, number: PlainTextReader.ListNumber(line.Text));
            }
            else if (previous is not null && blocks.Count > 0 && blocks[^1].Kind is BlockKind.Paragraph or BlockKind.ListItem
                && previous.Page == line.Page && Math.Round(previous.Size, 1) == size && previous.Bottom - line.Top < size * 0.8)
            {
                // The next line of the same paragraph (or list item): close below the one before.
                blocks[^1] = blocks[^1] with { Text = blocks[^1].Text + " " + BlockText.Clean(line.Text) };
            }
            else
            {
                BlockText.Add(blocks, BlockKind.Paragraph, line.Text, location);
            }
            previous = line;
        }
        return new GuideDocument(GuideFormats.Pdf, title, blocks);
    }

    private static IEnumerable<Line> Lines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom, 0)).ThenBy(w => w.BoundingBox.Left).ToList();
        var current = new List<Word>();
        foreach (var word in words)
        {
            if (current.Count > 0 && Math.Abs(current[0].BoundingBox.Bottom - word.BoundingBox.Bottom) > Math.Max(2, current[0].BoundingBox.Height * 0.5))
            {
                yield return ToLine(current, page.Number);
                current = [];
            }
            current.Add(word);
        }
        if (current.Count > 0)
        {
            yield return ToLine(current, page.Number);
        }
    }

    private static Line ToLine(List<Word> words, int page)
    {
        words.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        var size = words.SelectMany(w => w.Letters).Select(l => l.PointSize).DefaultIfEmpty(0).Average();
        var text = new StringBuilder(words[0].Text);
        for (var i = 1; i < words.Count; i++)
        {
            // A gap of several spaces between two words on one line separates table cells.
            var gap = words[i].BoundingBox.Left - words[i - 1].BoundingBox.Right;
            text.Append(gap > size * 1.5 ? DocumentBlock.CellSeparator : " ").Append(words[i].Text);
        }
        return new Line(text.ToString(), size, words.Max(w => w.BoundingBox.Top), words.Min(w => w.BoundingBox.Bottom), page);
    }

    private sealed record Line(string Text, double Size, double Top, double Bottom, int Page);
}
