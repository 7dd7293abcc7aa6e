using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Reports;

/// <summary>The report formats shared by the CLI and the HTTP API, and how to make one.</summary>
public static class BatchReports
{
    /// <summary>Machine-readable: <c>{ "results": [...], "summary": {...} }</c>, streamed.</summary>
    public const string Json = "json";

    /// <summary>Machine-readable: one row per answer, streamed; read back with <see cref="CsvBatchReport.Read"/>.</summary>
    public const string Csv = "csv";

    /// <summary>Markdown for people: summary, per question, per answer.</summary>
    public const string Markdown = "md";

    /// <summary>One self-contained HTML file for a hiring manager: tables, key-point checklists with highlighted evidence, a chart.</summary>
    public const string Html = "html";

    /// <summary>Every format, in the order they are documented.</summary>
    public static IReadOnlyList<string> Formats { get; } = [Json, Csv, Markdown, Html];

    /// <summary>
    /// Answers shown one by one in the Markdown and HTML reports; past this only the tables and the summary count them,
    /// so memory stays bounded on any input.
    /// </summary>
    public const int MaxDetailedAnswers = 5_000;

    /// <summary>Creates a writer of <paramref name="format"/> that writes to <paramref name="writer"/> (left open).</summary>
    /// <exception cref="ArgumentException">The format is not one of <see cref="Formats"/>.</exception>
    public static IBatchReportWriter Create(string format, TextWriter writer, QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(bank);
        return format switch
        {
            Json => new JsonReportWriter(writer),
            Csv => new CsvReportWriter(writer),
            Markdown => new MarkdownReportWriter(writer, bank),
            Html => new HtmlReportWriter(writer, bank),
            _ => throw new ArgumentException($"Unknown report format '{format}'. Formats: {string.Join(", ", Formats)}.", nameof(format)),
        };
    }

    /// <summary>The media type of a format's file.</summary>
    public static string ContentType(string format) => format switch
    {
        Json => "application/json",
        Csv => "text/csv",
        Markdown => "text/markdown",
        Html => "text/html",
        _ => "application/octet-stream",
    };

    /// <summary>The format a media type asks for, or null.</summary>
    public static string? FromContentType(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "application/json" => Json,
        "text/csv" => Csv,
        "text/markdown" => Markdown,
        "text/html" => Html,
        _ => null,
    };

    /// <summary>Writes a whole report from results already in memory.</summary>
    public static void WriteAll(string format, TextWriter writer, QuestionBank bank, IEnumerable<BatchResult> results, BatchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(results);
        var report = Create(format, writer, bank);
        foreach (var result in results)
        {
            report.Write(result);
        }
        report.Complete(summary);
    }
}

/// <summary>A batch's results and summary: the JSON report and the HTTP API's answer.</summary>
/// <param name="Results">One per row, in input order: a grade with the row's line and id, or an error.</param>
/// <param name="Summary">What the batch came to.</param>
public sealed record BatchReport(IReadOnlyList<BatchResult> Results, BatchSummary Summary);
