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
        var t = ReportText.For(bank.Language);
        string Score(double? value) => t.Score(value);
        string Head(params string[] keys) => "| " + string.Join(" | ", keys.Select(k => t[k])) + " |\n";
        w.Write($"# {t["title"]}\n\n{t["bank"]} **{C(bank.Title)}** ({C(s.Bank.Id)} v{s.Bank.Version}), {t["grader"]} **{C(s.Grader)}**.\n\n");
        w.Write($"## {t["summary"]}\n\n" + Head("rows", "graded", "failed", "mean", "median", "lowest", "highest", "degraded", "flagged", "time") + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        w.Write($"| {t.Number(s.Rows)} | {t.Number(s.Graded)} | {t.Number(s.Failed)} | {Score(s.MeanScore)} | {Score(s.MedianScore)} | {Score(s.MinScore)} | {Score(s.MaxScore)} | {t.Number(s.Degraded)} | {t.Number(s.Flagged)} | {C(t.Elapsed(s.ElapsedSeconds))} |\n\n");
        if (s.Flags.Count > 0)
        {
            w.Write($"{t["flags"]}: " + string.Join(", ", s.Flags.Select(f => $"{C(f.Key)} {t.Number(f.Value)}")) + "\n\n");
        }
        w.Write($"## {t["distribution"]}\n\n" + Head("band", "answers") + "|---|---:|\n");
        foreach (var band in s.Distribution)
        {
            w.Write($"| {band.From}–{(band.To >= 100 ? 100 : band.To - 1)} | {t.Number(band.Count)} |\n");
        }
        w.Write($"\n## {t["byQuestion"]}\n\n" + Head("question", "graded", "mean", "lowest", "highest", "failed") + "|---|---:|---:|---:|---:|---:|\n");
        foreach (var q in s.Questions)
        {
            w.Write($"| **{C(q.QuestionId)}** {C(q.Text)} | {t.Number(q.Graded)} | {Score(q.MeanScore)} | {Score(q.MinScore)} | {Score(q.MaxScore)} | {t.Number(q.Failed)} |\n");
        }
        if (_collected.HasCandidates)
        {
            w.Write($"\n## {t["byCandidate"]}\n\n" + Head("candidate", "answersGraded", "mean") + "|---|---:|---:|\n");
            foreach (var (name, tally) in _collected.Candidates)
            {
                w.Write($"| {C(name)} | {t.Number(tally.Graded)} | {Score(tally.Mean)} |\n");
            }
        }
        w.Write($"\n## {t["answers"]}\n\n");
        if (_collected.NotDetailed > 0)
        {
            w.Write(t.Format("onlyFirst", t.Number(BatchReports.MaxDetailedAnswers), t.Number(_collected.NotDetailed)) + "\n\n");
        }
        var candidateColumn = _collected.HasCandidates;
        // The anchors' column only when some grade anchored on the team's scored answers.
        var anchored = _collected.Detailed.Any(r => r.Grade!.Anchors is { Count: > 0 });
        var head = candidateColumn
            ? Head("line", "id", "candidate", "question", "score", "keyPoints", "flags")
            : Head("line", "id", "question", "score", "keyPoints", "flags");
        w.Write(head.TrimEnd('\n') + (anchored ? $" {GradeAnchors.Title.ToLowerInvariant()} |" : string.Empty) + "\n"
            + (candidateColumn ? "|---:|---|---|---|---:|---|---|" : "|---:|---|---|---:|---|---|") + (anchored ? "---|" : string.Empty) + "\n");
        foreach (var r in _collected.Detailed)
        {
            var g = r.Grade!;
            var keyPoints = string.Join(" ", g.KeyPoints.Select(k => (k.Status switch { KeyPointStatus.Covered => "✓", KeyPointStatus.Partial => "◐", _ => "✗" }) + C(k.Id)));
            var candidate = candidateColumn ? $" {C(r.Candidate ?? string.Empty)} |" : string.Empty;
            w.Write($"| {r.Line} | {C(r.Id ?? string.Empty)} |{candidate} {C(g.QuestionId)} | {Score(g.Score)}{(g.Degraded ? $" ({t["degradedMark"]})" : string.Empty)} | {keyPoints} | {C(string.Join(", ", g.Flags))} |"
                + (anchored ? $" {C(GradeAnchors.Describe(g.Anchors))} |" : string.Empty) + "\n");
        }
        if (_collected.Errors.Count > 0)
        {
            w.Write($"\n## {t["notGraded"]}\n\n" + Head("line", "id", "error") + "|---:|---|---|\n");
            foreach (var r in _collected.Errors)
            {
                w.Write($"| {r.Line} | {C(r.Id ?? string.Empty)} | {C(r.Error ?? string.Empty)} |\n");
            }
            if (_collected.ErrorsNotShown > 0)
            {
                w.Write("\n" + t.Format("moreErrors", t.Number(_collected.ErrorsNotShown)) + "\n");
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
}
