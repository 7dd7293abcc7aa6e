using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Interviewer.Import.Reading;

/// <summary>
/// Word .docx (Open XML SDK): paragraphs by their style's name (so that a Spanish "Título 1" is still "heading 1"): headings,
/// captions, list paragraphs (numbered or styled as lists; decimal lists with their numbers), body paragraphs; table rows. The title is the document's Title
/// property, else its first paragraph styled Title.
/// </summary>
internal static class DocxReader
{
    public static GuideDocument Read(Stream stream)
    {
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var body = word.MainDocumentPart?.Document?.Body
            ?? throw new GuideImportException("the Word document has no body (word/document.xml is missing or empty).");
        var styleNames = word.MainDocumentPart!.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => (s.StyleName?.Val?.Value ?? s.StyleId!.Value!).ToLowerInvariant(), StringComparer.Ordinal)
            ?? [];
        var reader = new Reader(styleNames, new ListNumbers(word.MainDocumentPart.NumberingDefinitionsPart?.Numbering));
        reader.Walk(body);
        var title = BlockText.Clean(word.PackageProperties.Title) is { Length: > 0 } property ? property : reader.Title;
        return new GuideDocument(GuideFormats.Docx, title, reader.Blocks);
    }

    private sealed class Reader(Dictionary<string, string> styleNames, ListNumbers numbers)
    {
        private int _paragraphs;

        public List<DocumentBlock> Blocks { get; } = [];

        public string? Title { get; private set; }

        public void Walk(OpenXmlElement container)
        {
            foreach (var element in container.Elements())
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        AddParagraph(paragraph);
                        break;
                    case Table table:
                        foreach (var row in table.Elements<TableRow>())
                        {
                            var cells = row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => p.InnerText)));
                            BlockText.Add(Blocks, BlockKind.TableRow, BlockText.Row(cells), $"paragraph {(_paragraphs + 1).ToString(CultureInfo.InvariantCulture)}");
                        }
                        break;
                    case SdtBlock content:
                        Walk(content.SdtContentBlock ?? (OpenXmlElement)content);
                        break;
                }
            }
        }

        private void AddParagraph(Paragraph paragraph)
        {
            _paragraphs++;
            var location = $"paragraph {_paragraphs.ToString(CultureInfo.InvariantCulture)}";
            var properties = paragraph.ParagraphProperties;
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            var style = styleId is null ? "normal" : styleNames.GetValueOrDefault(styleId, styleId.ToLowerInvariant());
            var text = paragraph.InnerText;
            if (style == "title")
            {
                Title ??= BlockText.Clean(text);
                return;
            }
            var level = HeadingLevel(style) ?? (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? outline + 1 : null);
            if (level is { } heading)
            {
                BlockText.Add(Blocks, BlockKind.Heading, text, location, heading);
            }
            else if (style is "caption")
            {
                BlockText.Add(Blocks, BlockKind.Caption, text, location);
            }
            else if (properties?.NumberingProperties is not null || style.StartsWith("list", StringComparison.Ordinal))
            {
                BlockText.Add(Blocks, BlockKind.ListItem, text, location, number: properties?.NumberingProperties is { } numbering ? numbers.Next(numbering) : null);
            }
            else
            {
                BlockText.Add(Blocks, BlockKind.Paragraph, text, location);
            }
        }

        private static int? HeadingLevel(string style) =>
            style.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(style.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                ? level
                : null;
    }

    /// <summary>The numbers Word shows on decimal-numbered paragraphs: each list (and level) counts from its start value.</summary>
    private sealed class ListNumbers(Numbering? numbering)
    {
        private readonly Dictionary<(int List, int Level), int> _last = [];

        /// <summary>The paragraph's number; null for a bullet or a list Word does not number with digits.</summary>
        public int? Next(NumberingProperties properties)
        {
            if (properties.NumberingId?.Val?.Value is not { } list || numbering is null)
            {
                return null;
            }
            var level = properties.NumberingLevelReference?.Val?.Value ?? 0;
            var abstractId = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == list)?.AbstractNumId?.Val?.Value;
            var format = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().FirstOrDefault(l => (l.LevelIndex?.Value ?? 0) == level);
            if (format?.NumberingFormat?.Val?.Value is not { } kind || !kind.Equals(NumberFormatValues.Decimal))
            {
                return null;
            }
            var next = _last.TryGetValue((list, level), out var last) ? last + 1 : format.StartNumberingValue?.Val?.Value ?? 1;
            _last[(list, level)] = next;
            return next;
        }
    }
}
