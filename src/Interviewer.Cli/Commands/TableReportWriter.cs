using System.Globalization;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Reports;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary>The CLI's table report: one aligned line per answer as it is graded, then the summary tables.</summary>
internal sealed class TableReportWriter(TextWriter writer) : IBatchReportWriter
{
    private bool _headerWritten;

    public void Write(BatchResult result)
    {
        if (!_headerWritten)
        {
            writer.WriteLine($"{"line",7}  {"id",-16}  {"question",-32}  {"score",5}  {"key points",-10}  flags / error");
            _headerWritten = true;
        }
        var id = Fit(result.Id ?? string.Empty, 16);
        var question = Fit(result.QuestionId ?? string.Empty, 32);
        if (result.Grade is { } g)
        {
            var covered = g.KeyPoints.Count(k => k.Status == KeyPointStatus.Covered);
            var partial = g.KeyPoints.Count(k => k.Status == KeyPointStatus.Partial);
            var points = string.Create(CultureInfo.InvariantCulture, $"{covered}+{partial}/{g.KeyPoints.Count}");
            var flags = string.Join(", ", g.Flags.Concat(g.Degraded ? ["degraded"] : []));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Line,7}  {id,-16}  {question,-32}  {g.Score,5:0.#}  {points,-10}  {flags}"));
        }
        else
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Line,7}  {id,-16}  {question,-32}  {"—",5}  {string.Empty,-10}  error: {Fit(result.Error ?? string.Empty, 120)}"));
        }
    }

    public void Complete(BatchSummary summary)
    {
        writer.WriteLine();
        var console = CliOutput.Console(writer);
        var totals = new Table().AddColumns("summary", "").HideHeaders();
        totals.AddRow("rows", N(summary.Rows));
        totals.AddRow("graded", N(summary.Graded));
        totals.AddRow("failed", N(summary.Failed));
        totals.AddRow("mean score", S(summary.MeanScore));
        totals.AddRow("median score", S(summary.MedianScore));
        totals.AddRow("lowest / highest", $"{S(summary.MinScore)} / {S(summary.MaxScore)}");
        totals.AddRow("degraded", N(summary.Degraded));
        totals.AddRow("flagged", N(summary.Flagged));
        totals.AddRow("time", summary.ElapsedSeconds.ToString("0.### 's'", CultureInfo.InvariantCulture));
        console.Write(totals);
        var chart = new BarChart().Label("score distribution").Width(60);
        foreach (var band in summary.Distribution)
        {
            chart.AddItem(band.To >= 100 ? $"{band.From}-100" : $"{band.From}-{band.To - 1}", band.Count, Color.SteelBlue);
        }
        console.Write(chart);
        var questions = new Table().AddColumns("question", "graded", "mean", "lowest", "highest", "failed");
        foreach (var q in summary.Questions)
        {
            questions.AddRow(Markup.Escape(q.QuestionId), N(q.Graded), S(q.MeanScore), S(q.MinScore), S(q.MaxScore), N(q.Failed));
        }
        console.Write(questions);
        if (summary.Flags.Count > 0)
        {
            console.WriteLine("flags: " + string.Join(", ", summary.Flags.Select(f => $"{f.Key} {N(f.Value)}")));
        }
        writer.Flush();
    }

    private static string Fit(string text, int width)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= width ? oneLine : string.Concat(oneLine.AsSpan(0, width - 1), "…");
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";
}
