using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Reports;
using Interviewer.Rubrics.Tests.Batch;

namespace Interviewer.Rubrics.Tests.Reports;

/// <summary>A small graded batch with hostile text in it, and helpers to write it in each format.</summary>
internal static class ReportTestData
{
    public static QuestionBank Bank { get; } = TestBank.Create();

    public static async Task<(List<BatchResult> Results, BatchSummary Summary)> GradeAsync(bool withCandidates = true, TimeSpan? elapsed = null)
    {
        var resolver = new QuestionResolver(Bank);
        var rows = new[]
        {
            ("=HYPERLINK(\"http://x\")", "ana", "drift", "La deriva <script>window.__pwned=1</script> en producción"),
            ("'quoted", "ana", "containers", "Uso un container <img src=x onerror=\"window.__pwned=1\">"),
            ("r3", "bob", "nope", "algo"),
            ("-5", "bob | pipes", "drift", "monitorizar la deriva\nen varias líneas"),
        };
        var items = rows.Select((r, i) => BatchReader.ToItem(new Interviewer.Rubrics.Tabular.TabularRow(i + 2, new Dictionary<string, string?>
        {
            ["id"] = r.Item1, ["candidate"] = withCandidates ? r.Item2 : null, ["question_id"] = r.Item3, ["answer"] = r.Item4,
        }), resolver));
        var results = new List<BatchResult>();
        var summary = new BatchSummaryBuilder(Bank, "keyword");
        await foreach (var result in BatchGrader.GradeAsync(items, Bank, new KeywordGrader()))
        {
            results.Add(result);
            summary.Add(result);
        }
        return (results, summary.Build(elapsed ?? TimeSpan.FromMilliseconds(5)));
    }

    public static string Write(string format, List<BatchResult> results, BatchSummary summary, QuestionBank? bank = null)
    {
        using var writer = new StringWriter();
        BatchReports.WriteAll(format, writer, bank ?? Bank, results, summary);
        return writer.ToString();
    }
}
