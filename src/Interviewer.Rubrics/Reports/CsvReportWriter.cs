using System.Globalization;
using CsvHelper;
using Interviewer.Rubrics.Batch;

namespace Interviewer.Rubrics.Reports;

/// <summary>
/// One CSV row per answer (RFC 4180, comma, CRLF). Text that a spreadsheet would run as a formula is prefixed with
/// <c>'</c>, and text that starts with <c>'</c> gets one more, so <see cref="CsvBatchReport.Read"/> gives back exactly what was written.
/// </summary>
internal sealed class CsvReportWriter : IBatchReportWriter
{
    private readonly TextWriter _writer;
    private readonly CsvWriter _csv;

    public CsvReportWriter(TextWriter writer)
    {
        _writer = writer;
        _csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        _csv.WriteHeader(CsvBatchReport.HeaderArray);
    }

    public void Write(BatchResult result)
    {
        var grade = result.Grade;
        _csv.WriteField(Protect(result.Id));
        _csv.WriteField(Protect(result.QuestionId));
        if (grade is null)
        {
            _csv.WriteField(string.Empty);
            _csv.WriteField(string.Empty);
            _csv.WriteField(string.Empty);
            _csv.WriteField(string.Empty);
            _csv.WriteField(string.Empty);
        }
        else
        {
            _csv.WriteField(grade.Score.ToString("0.#", CultureInfo.InvariantCulture));
            _csv.WriteField(grade.Grader);
            _csv.WriteField(grade.Degraded ? "true" : "false");
            _csv.WriteField(string.Join(CsvBatchReport.ListSeparator, grade.Flags));
            _csv.WriteField(CsvBatchReport.FormatKeyPoints(grade.KeyPoints));
        }
        _csv.WriteField(Protect(result.Candidate));
        _csv.WriteField(result.Line.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(grade?.Bank.Id ?? string.Empty);
        _csv.WriteField(grade?.Bank.Version.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        _csv.WriteField(Protect(result.Error));
        _csv.EndRecord();
    }

    public void Complete(BatchSummary summary)
    {
        _csv.Flush();
        _csv.Dispose();
        _writer.Flush();
    }

    private static string? Protect(string? text) =>
        text is not null && text.StartsWith(CsvBatchReport.TextPrefix) ? CsvBatchReport.TextPrefix + text : text;
}
