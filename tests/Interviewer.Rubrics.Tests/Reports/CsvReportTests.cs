using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Rubrics.Tests.Reports;

public sealed class CsvReportTests
{
    [Fact]
    public async Task Csv_ReadBack_RoundTripsEveryGradeAndError()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var csv = ReportTestData.Write(BatchReports.Csv, results, summary);
        var rows = CsvBatchReport.Read(new StringReader(csv)).ToList();

        Assert.Equal(results.Count, rows.Count);
        foreach (var (result, row) in results.Zip(rows))
        {
            Assert.Equal(result.Line, row.Line);
            Assert.Equal(result.Id, row.Id);
            Assert.Equal(result.Candidate, row.Candidate);
            Assert.Equal(result.QuestionId, row.QuestionId);
            Assert.Equal(result.Error, row.Error);
            Assert.Equal(result.Grade?.Score, row.Score);
            Assert.Equal(result.Grade?.Grader, row.Grader);
            Assert.Equal(result.Grade?.Degraded, row.Degraded);
            Assert.Equal(result.Grade?.Bank, row.Bank);
            Assert.Equal(result.Grade?.Flags ?? [], row.Flags);
            Assert.Equal(
                result.Grade?.KeyPoints.Select(k => (k.Id, k.Status)) ?? [],
                row.KeyPoints.Select(k => (k.Id, k.Status)));
        }
        Assert.Contains(rows, r => r.KeyPoints.Any(k => k.Status == KeyPointStatus.Covered));
    }

    [Fact]
    public async Task Csv_TextThatLooksLikeAFormula_IsEscapedForSpreadsheets()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var csv = ReportTestData.Write(BatchReports.Csv, results, summary);

        var lines = csv.Split("\r\n");
        Assert.Equal(string.Join(",", CsvBatchReport.Header), lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("''quoted,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith('=') || l.StartsWith('-'));
    }
}
