using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Interviewer.Import.Reading;

/// <summary>Markdown (CommonMark with pipe and grid tables, via Markdig): headings, paragraphs, list items, table rows; images become captions.</summary>
internal static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseGridTables().UseFigures().UseYamlFrontMatter().Build();

    public static GuideDocument Read(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<DocumentBlock>();
        Walk(document, blocks, listDepth: 0);

        // A single level-1 heading before any other heading is the document's title.
        string? title = null;
        var firstHeading = blocks.FindIndex(b => b.Kind == BlockKind.Heading);
        if (firstHeading >= 0 && blocks[firstHeading].Level == 1 && blocks.Count(b => b.Kind == BlockKind.Heading && b.Level == 1) == 1)
        {
            title = blocks[firstHeading].Text;
            blocks.RemoveAt(firstHeading);
        }
        return new GuideDocument(GuideFormats.Markdown, title, blocks);
    }

    private static void Walk(ContainerBlock container, List<DocumentBlock> blocks, int listDepth)
    {
        foreach (var block in container)
        {
            var location = $"line {(block.Line + 1).ToString(CultureInfo.InvariantCulture)}";
            switch (block)
            {
                case HeadingBlock heading:
                    BlockText.Add(blocks, BlockKind.Heading, InlineText(heading.Inline, null), location, heading.Level);
                    break;
                case ParagraphBlock paragraph:
                    AddParagraph(paragraph, listDepth > 0 ? BlockKind.ListItem : BlockKind.Paragraph, blocks, location);
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>().Select(cell => string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline, null))));
                        BlockText.Add(blocks, BlockKind.TableRow, BlockText.Row(cells), $"line {(row.Line + 1).ToString(CultureInfo.InvariantCulture)}");
                    }
                    break;
                case FigureCaption caption:
                    BlockText.Add(blocks, BlockKind.Caption, InlineText(caption.Inline, null), location);
                    break;
                case ListBlock list:
                    Walk(list, blocks, listDepth + 1);
                    break;
                case ListItemBlock { Parent: ListBlock { IsOrdered: true } } item:
                    // The item's first paragraph carries its number.
                    var first = blocks.Count;
                    Walk(item, blocks, listDepth);
                    if (first < blocks.Count && blocks[first].Kind == BlockKind.ListItem)
                    {
                        blocks[first] = blocks[first] with { Number = item.Order };
                    }
                    break;
                case CodeBlock code:
                    BlockText.Add(blocks, listDepth > 0 ? BlockKind.ListItem : BlockKind.Paragraph, string.Join(" ", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())), location);
                    break;
                case HtmlBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup or Markdig.Extensions.Yaml.YamlFrontMatterBlock:
                    break;
                case ContainerBlock inner:
                    // List items, quotes, figures: their blocks in order.
                    Walk(inner, blocks, listDepth);
                    break;
            }
        }
    }

    private static void AddParagraph(ParagraphBlock paragraph, BlockKind kind, List<DocumentBlock> blocks, string location)
    {
        var images = new List<string>();
        var text = InlineText(paragraph.Inline, images);
        foreach (var image in images)
        {
            BlockText.Add(blocks, BlockKind.Caption, image, location);
        }
        BlockText.Add(blocks, kind, text, location);
    }

    /// <summary>The text of inlines; images' alternative texts go to <paramref name="images"/> (or are dropped when it is null).</summary>
    private static string InlineText(ContainerInline? inline, List<string>? images)
    {
        var text = new StringBuilder();
        Append(inline, text, images);
        return text.ToString();
    }

    private static void Append(Inline? inline, StringBuilder text, List<string>? images)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case LineBreakInline:
                text.Append(' ');
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                return;
            case AutolinkInline link:
                text.Append(link.Url);
                return;
            case LinkInline { IsImage: true } image:
                images?.Add(InlineText(image, null));
                return;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text, images);
                }
                return;
        }
    }
}
