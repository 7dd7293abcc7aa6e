using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Interviewer.Import.Reading;

/// <summary>
/// HTML (AngleSharp): the page's <c>main</c> or <c>article</c> (else its body) without navigation, footers, asides, forms,
/// buttons and scripts; headings, paragraphs, list items and table rows; figure captions and images' alternative texts become
/// captions. The title is the page's only <c>h1</c>, else its <c>title</c>.
/// </summary>
internal static class HtmlReader
{
    private const string Removed = "script, style, noscript, template, nav, footer, aside, form, button, iframe, svg, canvas, dialog, select";

    public static GuideDocument Read(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(Removed).ToList())
        {
            element.Remove();
        }
        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body;
        var blocks = new List<DocumentBlock>();
        if (root is not null)
        {
            var walker = new Walker(blocks);
            walker.Walk(root);
            walker.FlushLoose();
        }

        var headingsOne = blocks.FindAll(b => b.Kind == BlockKind.Heading && b.Level == 1);
        string? title = null;
        if (headingsOne.Count == 1 && blocks.FindIndex(b => b.Kind == BlockKind.Heading) == blocks.IndexOf(headingsOne[0]))
        {
            title = headingsOne[0].Text;
            blocks.Remove(headingsOne[0]);
        }
        else if (BlockText.Clean(document.Title) is { Length: > 0 } pageTitle)
        {
            title = pageTitle;
        }
        return new GuideDocument(GuideFormats.Html, title, blocks);
    }

    private sealed class Walker(List<DocumentBlock> blocks)
    {
        private readonly StringBuilder _loose = new();
        private string _looseLocation = "line 1";

        public void Walk(IElement container)
        {
            foreach (var node in container.ChildNodes)
            {
                if (node is IText text)
                {
                    AddLoose(text.Data, container);
                    continue;
                }
                if (node is not IElement element)
                {
                    continue;
                }
                var name = element.LocalName;
                switch (name)
                {
                    case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                        Add(BlockKind.Heading, element.TextContent, element, name[1] - '0');
                        break;
                    case "p" or "dt" or "dd" or "pre" or "address":
                        AddParagraph(element);
                        break;
                    case "ul" or "ol" or "menu":
                        AddList(element);
                        break;
                    case "table":
                        FlushLoose();
                        foreach (var row in element.QuerySelectorAll("tr"))
                        {
                            Add(BlockKind.TableRow, BlockText.Row(row.Children.Where(c => c.LocalName is "td" or "th").Select(c => c.TextContent)), row);
                        }
                        break;
                    case "figcaption":
                        Add(BlockKind.Caption, element.TextContent, element);
                        break;
                    case "img":
                        Add(BlockKind.Caption, element.GetAttribute("alt"), element);
                        break;
                    case "br" or "hr" or "picture" or "video" or "audio" or "object":
                        FlushLoose();
                        break;
                    case "a" or "span" or "strong" or "b" or "em" or "i" or "code" or "abbr" or "small" or "sub" or "sup" or "mark" or "u" or "s" or "q" or "cite" or "time" or "label":
                        AddLoose(element.TextContent, element);
                        break;
                    default:
                        // div, section, article, header, blockquote, figure, details, …: their content in order.
                        FlushLoose();
                        Walk(element);
                        FlushLoose();
                        break;
                }
            }
        }

        private void AddParagraph(IElement paragraph)
        {
            // A paragraph that only holds images is their caption.
            foreach (var image in paragraph.QuerySelectorAll("img"))
            {
                Add(BlockKind.Caption, image.GetAttribute("alt"), image);
            }
            Add(BlockKind.Paragraph, paragraph.TextContent, paragraph);
        }

        private void AddList(IElement list)
        {
            FlushLoose();
            var number = list.LocalName == "ol" && int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                var nested = item.Children.Where(c => c.LocalName is "ul" or "ol").ToList();
                var own = new StringBuilder();
                foreach (var child in item.ChildNodes)
                {
                    if (child is not IElement { LocalName: "ul" or "ol" })
                    {
                        own.Append(child.TextContent).Append(child is IElement { LocalName: "p" or "div" or "br" } ? " " : string.Empty);
                    }
                }
                Add(BlockKind.ListItem, own.ToString(), item, number: list.LocalName == "ol" ? number++ : null);
                nested.ForEach(AddList);
            }
        }

        private void AddLoose(string text, IElement where)
        {
            if (_loose.Length == 0)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return;
                }
                _looseLocation = Location(where);
            }
            _loose.Append(text);
        }

        public void FlushLoose()
        {
            if (_loose.Length > 0)
            {
                BlockText.Add(blocks, BlockKind.Paragraph, _loose.ToString(), _looseLocation);
                _loose.Clear();
            }
        }

        private void Add(BlockKind kind, string? text, IElement where, int level = 0, int? number = null)
        {
            FlushLoose();
            BlockText.Add(blocks, kind, text, Location(where), level, number);
        }

        private static string Location(IElement element) =>
            element.SourceReference is { } source ? $"line {source.Position.Line.ToString(CultureInfo.InvariantCulture)}" : "html";
    }
}
