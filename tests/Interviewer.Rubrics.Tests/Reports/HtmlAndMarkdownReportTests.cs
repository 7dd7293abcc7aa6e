using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Rubrics.Tests.Reports;

public sealed class HtmlAndMarkdownReportTests
{
    [Fact]
    public async Task Html_EncodesEveryUserText()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var html = ReportTestData.Write(BatchReports.Html, results, summary);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(&quot;http://x&quot;)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_IsSelfContainedWithAnInlineSvgChart()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var html = ReportTestData.Write(BatchReports.Html, results, summary);

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<h3 class=\"candidate\">ana</h3>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"questions\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_MarksEvidenceAndMergesOverlappingSpans()
    {
        var answer = "a <b> deriva producción";
        KeyPointGrade Point(params (int Start, int Length)[] spans) => new("k", "t", KeyPointStatus.Covered, 1,
            spans.Select(s => new EvidenceSpan(s.Start, s.Length, "x")).ToList());

        var html = HtmlReportWriter.Highlight(answer, [Point((6, 6)), Point((9, 3), (13, 10)), Point((40, 2))]);

        Assert.Equal("a &lt;b&gt; <mark>deriva</mark> <mark>producción</mark>", html);
    }

    [Fact]
    public async Task Markdown_KeepsTablesIntactWhateverTheText()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var md = ReportTestData.Write(BatchReports.Markdown, results, summary);

        Assert.Contains("bob \\| pipes", md, StringComparison.Ordinal);
        Assert.Contains("## Filas sin corregir", md, StringComparison.Ordinal);
        var tableLines = md.Split('\n').Where(l => l.StartsWith("| 2 |", StringComparison.Ordinal)).ToList();
        Assert.Single(tableLines);
    }
}
