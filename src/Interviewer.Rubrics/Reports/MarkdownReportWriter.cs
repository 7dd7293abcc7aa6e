using System.Globalization;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Reports;

/// <summary>A Markdown report: summary, distribution, per question, per candidate, per answer, rows not graded.</summary>
internal sealed class MarkdownReportWriter(TextWriter writer, QuestionBank bank) : IBatchReportWriter
{
    private readonly ReportCollector _collected = new();

    public void Write(BatchResult result) => _collected.Add(result);

    public void Complete(BatchSummary s)
    {
        var w = writer;
        w.Write($"# Batch grading report\n\nBank **{C(bank.Title)}** ({C(s.Bank.Id)} v{s.Bank.Version}), grader **{C(s.Grader)}**.\n\n");
        w.Write("## Summary\n\n| rows | graded | failed | mean | median | lowest | highest | degraded | flagged | time |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        w.Write($"| {s.Rows} | {s.Graded} | {s.Failed} | {Score(s.MeanScore)} | {Score(s.MedianScore)} | {Score(s.MinScore)} | {Score(s.MaxScore)} | {s.Degraded} | {s.Flagged} | {s.ElapsedSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s |\n\n");
        if (s.Flags.Count > 0)
        {
            w.Write("Flags: " + string.Join(", ", s.Flags.Select(f => $"{C(f.Key)} {f.Value}")) + "\n\n");
        }
        w.Write("## Score distribution\n\n| band | answers |\n|---|---:|\n");
        foreach (var band in s.Distribution)
        {
            w.Write($"| {band.From}–{(band.To >= 100 ? 100 : band.To - 1)} | {band.Count} |\n");
        }
        w.Write("\n## By question\n\n| question | graded | mean | lowest | highest | failed |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var q in s.Questions)
        {
            w.Write($"| **{C(q.QuestionId)}** {C(q.Text)} | {q.Graded} | {Score(q.MeanScore)} | {Score(q.MinScore)} | {Score(q.MaxScore)} | {q.Failed} |\n");
        }
        if (_collected.HasCandidates)
        {
            w.Write("\n## By candidate\n\n| candidate | graded | mean |\n|---|---:|---:|\n");
            foreach (var (name, tally) in _collected.Candidates)
            {
                w.Write($"| {C(name)} | {tally.Graded} | {Score(tally.Mean)} |\n");
            }
        }
        w.Write("\n## Answers\n\n");
        if (_collected.NotDetailed > 0)
        {
            w.Write($"Only the first {BatchReports.MaxDetailedAnswers} graded answers are listed; {_collected.NotDetailed} more are counted above.\n\n");
        }
        // The anchors' column only when some grade anchored on the team's scored answers.
        var anchored = _collected.Detailed.Any(r => r.Grade!.Anchors is { Count: > 0 });
        w.Write("| line | id | candidate | question | score | key points | flags |" + (anchored ? $" {GradeAnchors.Title.ToLowerInvariant()} |" : string.Empty)
            + "\n|---:|---|---|---|---:|---|---|" + (anchored ? "---|" : string.Empty) + "\n");
        foreach (var r in _collected.Detailed)
        {
            var g = r.Grade!;
            var keyPoints = string.Join(" ", g.KeyPoints.Select(k => (k.Status switch { KeyPointStatus.Covered => "✓", KeyPointStatus.Partial => "◐", _ => "✗" }) + C(k.Id)));
            w.Write($"| {r.Line} | {C(r.Id ?? string.Empty)} | {C(r.Candidate ?? string.Empty)} | {C(g.QuestionId)} | {Score(g.Score)}{(g.Degraded ? " (degraded)" : string.Empty)} | {keyPoints} | {C(string.Join(", ", g.Flags))} |"
                + (anchored ? $" {C(GradeAnchors.Describe(g.Anchors))} |" : string.Empty) + "\n");
        }
        if (_collected.Errors.Count > 0)
        {
            w.Write("\n## Rows not graded\n\n| line | id | error |\n|---:|---|---|\n");
            foreach (var r in _collected.Errors)
            {
                w.Write($"| {r.Line} | {C(r.Id ?? string.Empty)} | {C(r.Error ?? string.Empty)} |\n");
            }
            if (_collected.ErrorsNotShown > 0)
            {
                w.Write($"\n{_collected.ErrorsNotShown} more rows were not graded; the CSV and JSON reports list them all.\n");
            }
        }
        w.Flush();
    }

    /// <summary>Text safe inside a table cell: one line, pipes and Markdown/HTML specials escaped.</summary>
    internal static string C(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var ch in text.ReplaceLineEndings(" "))
        {
            if (ch is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string Score(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";
}
