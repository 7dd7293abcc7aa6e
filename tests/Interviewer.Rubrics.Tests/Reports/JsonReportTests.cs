using System.Text.Json;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Rubrics.Tests.Reports;

public sealed class JsonReportTests
{
    [Fact]
    public async Task Json_Deserialised_RoundTripsGradesAndSummary()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        var json = ReportTestData.Write(BatchReports.Json, results, summary);
        var report = JsonSerializer.Deserialize<BatchReport>(json, InterviewerJson.Options)!;

        Assert.Equal(results.Count, report.Results.Count);
        foreach (var (expected, actual) in results.Zip(report.Results))
        {
            Assert.Equal((expected.Line, expected.Id, expected.Candidate, expected.QuestionId, expected.Error),
                (actual.Line, actual.Id, actual.Candidate, actual.QuestionId, actual.Error));
            Assert.Equal(expected.Grade?.Score, actual.Grade?.Score);
            Assert.Equal(expected.Grade?.KeyPoints.Select(k => (k.Id, k.Status, k.Evidence.Count)), actual.Grade?.KeyPoints.Select(k => (k.Id, k.Status, k.Evidence.Count)));
        }
        Assert.Equal(summary.Rows, report.Summary.Rows);
        Assert.Equal(summary.MeanScore, report.Summary.MeanScore);
    }

    [Fact]
    public async Task Json_Result_IsTheGradeShapeWithLineAndIdBesideIt()
    {
        var (results, summary) = await ReportTestData.GradeAsync();

        using var document = JsonDocument.Parse(ReportTestData.Write(BatchReports.Json, results, summary));

        var first = document.RootElement.GetProperty("results")[0];
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.Equal("drift", first.GetProperty("questionId").GetString());
        Assert.Equal("keyword", first.GetProperty("grader").GetString());
        Assert.Equal("test-bank", first.GetProperty("bank").GetProperty("id").GetString());
        Assert.True(first.GetProperty("keyPoints").GetArrayLength() > 0);
        var failed = document.RootElement.GetProperty("results")[2];
        Assert.Contains("nope", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(failed.TryGetProperty("score", out _));
        Assert.Equal(4, document.RootElement.GetProperty("summary").GetProperty("rows").GetInt32());
    }

    [Fact]
    public void Json_EmptyBatch_IsStillAValidReport()
    {
        var summary = new Interviewer.Rubrics.Batch.BatchSummaryBuilder(ReportTestData.Bank, "keyword").Build(TimeSpan.Zero);

        using var document = JsonDocument.Parse(ReportTestData.Write(BatchReports.Json, [], summary));

        Assert.Equal(0, document.RootElement.GetProperty("results").GetArrayLength());
    }
}
