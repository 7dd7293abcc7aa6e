using System.Globalization;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Reports;

/// <summary>
/// The CSV report's columns, and reading it back. Columns: <c>id, question_id, score, grader, degraded, flags, key_points,
/// candidate, line, bank_id, bank_version, error</c>. <c>flags</c> is <c>;</c>-separated; <c>key_points</c> is
/// <c>keyPointId:status</c> pairs separated by <c>;</c>. A failed row has an <c>error</c> and no score.
/// </summary>
public static class CsvBatchReport
{
    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["id", "question_id", "score", "grader", "degraded", "flags", "key_points", "candidate", "line", "bank_id", "bank_version", "error"];

    internal static string[] HeaderArray => [.. Header];

    internal const string ListSeparator = ";";
    internal const char TextPrefix = '\'';

    /// <summary>Reads a CSV report back, row by row.</summary>
    public static IEnumerable<CsvReportRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var row in TabularReader.Read(reader, TabularFormat.Csv))
        {
            if (row.Error is not null)
            {
                throw new FormatException($"line {row.Line}: {row.Error}");
            }
            string? Text(string column) => row.Fields.TryGetValue(column, out var value) && !string.IsNullOrEmpty(value) ? Unprotect(value) : null;
            var score = Text("score");
            yield return new CsvReportRow(
                int.TryParse(Text("line"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var line) ? line : 0,
                Text("id"),
                Text("candidate"),
                Text("question_id"),
                score is null ? null : double.Parse(score, CultureInfo.InvariantCulture),
                Text("grader"),
                Text("degraded") is { } degraded ? bool.Parse(degraded) : null,
                Text("flags")?.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries) ?? [],
                ParseKeyPoints(Text("key_points")),
                Text("bank_id") is { } bankId ? new BankRef(bankId, int.Parse(Text("bank_version") ?? "0", CultureInfo.InvariantCulture)) : null,
                Text("error"));
        }
    }

    internal static string FormatKeyPoints(IReadOnlyList<KeyPointGrade> keyPoints) =>
        string.Join(ListSeparator, keyPoints.Select(k => $"{k.Id}:{StatusName(k.Status)}"));

    internal static string StatusName(KeyPointStatus status) => status switch
    {
        KeyPointStatus.Covered => "covered",
        KeyPointStatus.Partial => "partial",
        _ => "missing",
    };

    private static IReadOnlyList<CsvKeyPointStatus> ParseKeyPoints(string? text)
    {
        if (text is null)
        {
            return [];
        }
        var list = new List<CsvKeyPointStatus>();
        foreach (var pair in text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.LastIndexOf(':');
            var status = pair[(colon + 1)..] switch
            {
                "covered" => KeyPointStatus.Covered,
                "partial" => KeyPointStatus.Partial,
                "missing" => KeyPointStatus.Missing,
                var other => throw new FormatException($"unknown key-point status '{other}' in '{pair}'"),
            };
            list.Add(new CsvKeyPointStatus(pair[..Math.Max(0, colon)], status));
        }
        return list;
    }

    private static string Unprotect(string text) => text.Length > 0 && text[0] == TextPrefix ? text[1..] : text;
}

/// <summary>One row of a CSV report, read back.</summary>
/// <param name="Line">The row's line in the graded input.</param>
/// <param name="Id">The row's id.</param>
/// <param name="Candidate">Who answered.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="Score">The score; null for a failed row.</param>
/// <param name="Grader">The grader that graded.</param>
/// <param name="Degraded">Whether a fallback graded.</param>
/// <param name="Flags">The grade's flags.</param>
/// <param name="KeyPoints">Each key point's status.</param>
/// <param name="Bank">Bank id and version.</param>
/// <param name="Error">Why the row failed; null when it was graded.</param>
public sealed record CsvReportRow(
    int Line,
    string? Id,
    string? Candidate,
    string? QuestionId,
    double? Score,
    string? Grader,
    bool? Degraded,
    IReadOnlyList<string> Flags,
    IReadOnlyList<CsvKeyPointStatus> KeyPoints,
    BankRef? Bank,
    string? Error);

/// <summary>A key point's status in a CSV report.</summary>
/// <param name="Id">The key point.</param>
/// <param name="Status">Its status.</param>
public sealed record CsvKeyPointStatus(string Id, KeyPointStatus Status);
