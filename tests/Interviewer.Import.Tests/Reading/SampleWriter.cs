using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Interviewer.Import.Tests.Reading;

/// <summary>Writes a <see cref="SampleGuide"/> as a .txt, .md, .html, .docx or .pdf file's bytes, the way such guides usually look.</summary>
internal static class SampleWriter
{
    public static byte[] Write(SampleGuide guide, string format) => format switch
    {
        "txt" => Encoding.UTF8.GetBytes(Text(guide)),
        "md" => Encoding.UTF8.GetBytes(Markdown(guide)),
        "html" => Encoding.UTF8.GetBytes(Html(guide)),
        "docx" => Docx(guide),
        "pdf" => Pdf(guide),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The caption follows the first question's answer, the call to action the second's.</summary>
    private static IEnumerable<(SampleQuestion Question, string? After)> WithExtras(SampleGuide guide, SampleSection section)
    {
        var all = guide.Questions.ToList();
        return section.Questions.Select(q => (q, all.IndexOf(q) switch { 0 => guide.Caption, 1 => guide.CallToAction, _ => null }));
    }

    private static string Text(SampleGuide guide)
    {
        var text = new StringBuilder();
        text.Append(guide.Title).Append("\n\n").Append(guide.Intro).Append("\n\n");
        foreach (var section in guide.Sections)
        {
            text.Append(section.Title).Append("\n\n");
            foreach (var (question, after) in WithExtras(guide, section))
            {
                text.Append(question.Text).Append('\n');
                text.Append(question.DescriptionLabel).Append(' ').Append(question.Description).Append('\n');
                text.Append(question.AnswerLabel).Append(' ').Append(string.Join("\n", question.Paragraphs)).Append('\n');
                foreach (var bullet in question.Bullets)
                {
                    text.Append("- ").Append(bullet).Append('\n');
                }
                foreach (var row in question.Table)
                {
                    // English: `| a | b |` rows; Spanish: a table copied from a web page ("|" then one line per cell).
                    text.Append(guide.Language == "en" ? $"| {string.Join(" | ", row)} |\n" : $"|\n{string.Join("", row.Select(c => c + " |\n"))}");
                }
                if (after is not null)
                {
                    text.Append('\n').Append(after).Append('\n');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Markdown(SampleGuide guide)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(guide.Title).Append("\n\n").Append(guide.Intro).Append("\n\n");
        foreach (var section in guide.Sections)
        {
            md.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var (question, after) in WithExtras(guide, section))
            {
                md.Append("### ").Append(question.Text).Append("\n\n");
                md.Append("**").Append(question.DescriptionLabel).Append("** ").Append(question.Description).Append("\n\n");
                md.Append("**").Append(question.AnswerLabel).Append("** ").Append(string.Join("\n\n", question.Paragraphs)).Append("\n\n");
                foreach (var bullet in question.Bullets)
                {
                    md.Append("* ").Append(bullet).Append('\n');
                }
                for (var r = 0; r < question.Table.Count; r++)
                {
                    md.Append("| ").Append(string.Join(" | ", question.Table[r])).Append(" |\n");
                    if (r == 0)
                    {
                        md.Append(string.Concat(Enumerable.Repeat("|---", question.Table[r].Length))).Append("|\n");
                    }
                }
                if (after == guide.Caption)
                {
                    md.Append("\n![diagram](pipeline.png)\n\n*").Append(after).Append("*\n\n");
                }
                else if (after is not null)
                {
                    md.Append('\n').Append(after).Append("\n\n");
                }
                md.Append('\n');
            }
        }
        return md.ToString();
    }

    private static string Html(SampleGuide guide)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").Append(E(guide.Title)).Append(" | Example Blog</title>")
            .Append("<style>body { font-family: sans-serif }</style></head><body>")
            .Append("<nav><a href=\"/\">Home</a> <a href=\"/courses\">Courses</a></nav><article>")
            .Append("<h1>").Append(E(guide.Title)).Append("</h1><p>").Append(E(guide.Intro)).Append("</p>");
        foreach (var section in guide.Sections)
        {
            html.Append("<h2>").Append(E(section.Title)).Append("</h2>");
            foreach (var (question, after) in WithExtras(guide, section))
            {
                html.Append("<h3>").Append(E(question.Text)).Append("</h3>");
                html.Append("<p><strong>").Append(E(question.DescriptionLabel)).Append("</strong> ").Append(E(question.Description)).Append("</p>");
                html.Append("<p><strong>").Append(E(question.AnswerLabel)).Append("</strong> ").Append(E(question.Paragraphs[0])).Append("</p>");
                foreach (var paragraph in question.Paragraphs.Skip(1))
                {
                    html.Append("<p>").Append(E(paragraph)).Append("</p>");
                }
                if (question.Bullets.Count > 0)
                {
                    html.Append("<ul>").Append(string.Concat(question.Bullets.Select(b => $"<li>{E(b)}</li>"))).Append("</ul>");
                }
                if (question.Table.Count > 0)
                {
                    html.Append("<table><thead><tr>").Append(string.Concat(question.Table[0].Select(c => $"<th>{E(c)}</th>"))).Append("</tr></thead><tbody>");
                    foreach (var row in question.Table.Skip(1))
                    {
                        html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>");
                    }
                    html.Append("</tbody></table>");
                }
                if (after == guide.Caption)
                {
                    html.Append("<figure><img src=\"pipeline.png\" alt=\"diagram\"><figcaption>").Append(E(after)).Append("</figcaption></figure>");
                }
                else if (after is not null)
                {
                    html.Append("<p>").Append(E(after)).Append(" <a class=\"button\" href=\"/courses\">Start now</a></p>");
                }
            }
        }
        html.Append("</article><aside>Related articles</aside><footer>© 2026 Example Blog. All rights reserved.</footer>")
            .Append("<script>console.log('tracking');</script></body></html>");
        return html.ToString();
    }

    private static byte[] Docx(SampleGuide guide)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            // Spanish Word names its heading styles "Ttulo1" (shown as "Título 1"); their style name is still "heading 1".
            var spanish = guide.Language == "es";
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                StyleOf(spanish ? "Ttulo" : "Title", "title"),
                StyleOf(spanish ? "Ttulo1" : "Heading1", "heading 1"),
                StyleOf(spanish ? "Ttulo2" : "Heading2", "heading 2"),
                StyleOf(spanish ? "Descripcin" : "Caption", "caption"),
                StyleOf("ListParagraph", "List Paragraph"));
            var body = new Body();
            body.Append(Paragraph(guide.Title, spanish ? "Ttulo" : "Title"), Paragraph(guide.Intro));
            foreach (var section in guide.Sections)
            {
                body.Append(Paragraph(section.Title, spanish ? "Ttulo1" : "Heading1"));
                foreach (var (question, after) in WithExtras(guide, section))
                {
                    body.Append(Paragraph(question.Text, spanish ? "Ttulo2" : "Heading2"));
                    body.Append(Paragraph($"{question.DescriptionLabel} {question.Description}"));
                    body.Append(Paragraph($"{question.AnswerLabel} {question.Paragraphs[0]}"));
                    body.Append(question.Paragraphs.Skip(1).Select(p => Paragraph(p)));
                    foreach (var bullet in question.Bullets)
                    {
                        var item = Paragraph(bullet, "ListParagraph");
                        item.ParagraphProperties!.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 });
                        body.Append(item);
                    }
                    if (question.Table.Count > 0)
                    {
                        body.Append(new Table(question.Table.Select(row => new TableRow(row.Select(cell => new TableCell(Paragraph(cell)))))));
                    }
                    if (after is not null)
                    {
                        body.Append(after == guide.Caption ? Paragraph(after, spanish ? "Descripcin" : "Caption") : Paragraph(after));
                    }
                }
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();

        static Style StyleOf(string id, string name) => new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

        static Paragraph Paragraph(string text, string? style = null) => new(
            new ParagraphProperties(style is null ? [] : [new ParagraphStyleId { Val = style }]),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private const string FontFolder = "/usr/share/fonts/truetype/dejavu";

    private static byte[] Pdf(SampleGuide guide)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(FontFolder, "DejaVuSans.ttf")));
        var bold = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(FontFolder, "DejaVuSans-Bold.ttf")));
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 790.0;

        void Line(string text, double size, PdfDocumentBuilder.AddedFont font, double x = 50) => page.AddText(text, size, new PdfPoint(x, y), font);
        void Gap(double points)
        {
            y -= points;
            if (y < 60)
            {
                page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
                y = 790;
            }
        }
        void Paragraph(string text, string prefix = "")
        {
            // Wrapped at about 90 characters, 13 points apart; paragraphs 24 points apart.
            var words = (prefix + text).Split(' ');
            var line = new StringBuilder();
            foreach (var word in words)
            {
                if (line.Length + word.Length > 90)
                {
                    Line(line.ToString().TrimEnd(), 10, regular);
                    Gap(13);
                    line.Clear();
                }
                line.Append(word).Append(' ');
            }
            Line(line.ToString().TrimEnd(), 10, regular);
            Gap(24);
        }

        Line(guide.Title, 20, bold);
        Gap(36);
        Paragraph(guide.Intro);
        foreach (var section in guide.Sections)
        {
            Line(section.Title, 15, bold);
            Gap(26);
            foreach (var (question, after) in WithExtras(guide, section))
            {
                Line(question.Text, 12, bold);
                Gap(22);
                Paragraph($"{question.DescriptionLabel} {question.Description}");
                Paragraph($"{question.AnswerLabel} {question.Paragraphs[0]}");
                foreach (var paragraph in question.Paragraphs.Skip(1))
                {
                    Paragraph(paragraph);
                }
                foreach (var bullet in question.Bullets)
                {
                    Paragraph(bullet, "• ");
                }
                foreach (var row in question.Table)
                {
                    // Columns at fixed positions: the gaps between them are what makes them cells.
                    Line(row[0], 10, regular, 50);
                    Line(row[1], 10, regular, 110);
                    Line(row[2], 10, regular, 340);
                    Gap(18);
                }
                if (after == guide.Caption)
                {
                    Line(after, 8, regular);
                    Gap(24);
                }
                else if (after is not null)
                {
                    Paragraph(after);
                }
            }
        }
        return builder.Build();
    }
}
