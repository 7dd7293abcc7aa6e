using Interviewer.Rubrics.Reports;

namespace Interviewer.Rubrics.Tests.Reports;

public sealed class ReportLanguageTests
{
    [Fact]
    public async Task Reports_OfASpanishBank_AreLabelledInSpanish()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var html = ReportTestData.Write(BatchReports.Html, results, summary);
        var md = ReportTestData.Write(BatchReports.Markdown, results, summary);

        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Informe de corrección por lotes</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Por candidato</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status\">falta</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("By candidate", html, StringComparison.Ordinal);
        Assert.Contains("# Informe de corrección por lotes", md, StringComparison.Ordinal);
        Assert.Contains("| Filas | Corregidas | Con error |", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_OfAnEnglishBank_AreLabelledInEnglish()
    {
        var (results, summary) = await ReportTestData.GradeAsync();
        var english = ReportTestData.Bank with { Language = "en" };

        var html = ReportTestData.Write(BatchReports.Html, results, summary, english);
        var md = ReportTestData.Write(BatchReports.Markdown, results, summary, english);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>By candidate</h2>", html, StringComparison.Ordinal);
        Assert.Contains("## Rows not graded", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_WithoutACandidateColumn_HaveNoCandidateHeadings()
    {
        var (results, summary) = await ReportTestData.GradeAsync(withCandidates: false);

        var html = ReportTestData.Write(BatchReports.Html, results, summary);
        var md = ReportTestData.Write(BatchReports.Markdown, results, summary);

        Assert.DoesNotContain("Por candidato", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"candidate\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Respuestas corregidas</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Por candidato", md, StringComparison.Ordinal);
        Assert.Contains("| Línea | Id | Pregunta | Puntuación |", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0004, "< 1 ms")]
    [InlineData(0.25, "250 ms")]
    [InlineData(12.345, "12,35 s")]
    public async Task ReportTime_IsNeverABareZero(double seconds, string expected)
    {
        var (results, summary) = await ReportTestData.GradeAsync(elapsed: TimeSpan.FromSeconds(seconds));

        var html = ReportTestData.Write(BatchReports.Html, results, summary);

        Assert.Contains($"<dt>Tiempo</dt><dd>{System.Net.WebUtility.HtmlEncode(expected)}</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>0 s</dd>", html, StringComparison.Ordinal);
    }
}
