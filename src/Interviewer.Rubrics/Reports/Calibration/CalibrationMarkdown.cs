using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Calibration;
using static Interviewer.Rubrics.Reports.Calibration.CalibrationFormat;

namespace Interviewer.Rubrics.Reports.Calibration;

/// <summary>Writes a calibration report as Markdown (for a pull request or a wiki page).</summary>
public static class CalibrationMarkdown
{
    /// <summary>The report as Markdown.</summary>
    public static string Write(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Calibration: {Cell(report.Grader)} grader, bank {Cell(report.Bank.Id)} v{report.Bank.Version}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**{Cell(report.Headline)}**");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Rows: {report.Rows.Read} read, {report.Rows.Used} used, {report.Rows.Rejected} left out; {report.Rows.Answers} answers. Scale 0–{Short(report.Scale.Max)}{(report.Scale.Normalized ? " (normalised)" : "")}. 95% bootstrap intervals, {report.Bootstrap.Iterations} resamples of answers, seed {report.Bootstrap.Seed}.");
        if (report.WhatIf is { } whatIf)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"What-if (bank v{whatIf.BankVersion}): {whatIf.Applied.Count} suggestions applied. QWK {Value(whatIf.Before.Qwk)} → {Value(report.Overall.Qwk)}, Pearson {Value(whatIf.Before.Pearson)} → {Value(report.Overall.Pearson)}.");
            foreach (var rejected in whatIf.Rejected)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- not applied: {Cell(rejected.Message)}");
            }
        }
        md.AppendLine();
        md.AppendLine("## Agreement");
        md.AppendLine();
        md.AppendLine("| | n | Pearson | Spearman | QWK | MAE | bias |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        md.AppendLine(Row("**overall**", report.Overall));
        foreach (var q in report.Questions)
        {
            md.AppendLine(Row(Cell(q.QuestionId) + (q.Drafted ? " (drafted)" : ""), q.Figures));
        }
        if (report.Raters is { } raters)
        {
            md.AppendLine();
            md.AppendLine("## Humans beside the grader");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Raters: {Cell(string.Join(", ", raters.Raters))}; {raters.Units} answers scored by two or more.");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"- Krippendorff's alpha among humans: interval {WithCi(raters.AlphaInterval)}, ordinal {WithCi(raters.AlphaOrdinal)}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- Alpha (interval) with the grader as one more rater: {WithCi(raters.AlphaIntervalWithGrader)}");
            md.AppendLine();
            md.AppendLine("| pair | n | QWK | Pearson | MAE |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var p in raters.Pairwise.Concat(raters.GraderVsRaters))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(p.A)} – {Cell(p.B)} | {p.N} | {WithCi(p.Qwk)} | {WithCi(p.Pearson)} | {WithCi(p.Mae)} |");
            }
        }
        md.AppendLine();
        md.AppendLine("## Largest disagreements");
        md.AppendLine();
        foreach (var d in report.Diagnostics.LargestDisagreements)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{Cell(d.AnswerId)}** ({Cell(d.QuestionId)}): human {Short(d.Human)}, grader {Short(d.Grader)} — “{Cell(d.Answer)}”");
            foreach (var item in d.Checklist)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  - {item.Status.ToString().ToLowerInvariant()}: {Cell(item.KeyPointId)}{(item.Evidence.Count > 0 ? " (" + Cell(string.Join(", ", item.Evidence)) + ")" : "")}");
            }
        }
        if (report.Diagnostics.NeverMatched.Count + report.Diagnostics.AlwaysMatched.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Key points that never or always match");
            md.AppendLine();
            foreach (var k in report.Diagnostics.NeverMatched)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- never: {Cell(k.QuestionId)} / {Cell(k.KeyPointId)} ({k.Answers} answers)");
            }
            foreach (var k in report.Diagnostics.AlwaysMatched)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- always: {Cell(k.QuestionId)} / {Cell(k.KeyPointId)} ({k.Answers} answers)");
            }
        }
        md.AppendLine();
        md.AppendLine("## Suggestions");
        md.AppendLine();
        if (report.Suggestions.Count == 0)
        {
            md.AppendLine("None.");
        }
        foreach (var s in report.Suggestions)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- `{Cell(s.Id)}` {Cell(s.Kind)} {Cell(s.QuestionId)} / {Cell(s.KeyPointId)}{(s.Phrase is null ? "" : $" concept {s.ConceptIndex}: “{Cell(s.Phrase)}”")}{(s.Weight is { } w ? $" weight {Short(w)}" : "")} — {Cell(s.Why)}");
        }
        if (report.Problems.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Rows left out");
            md.AppendLine();
            foreach (var p in report.Problems)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- line {p.Line}: {Cell(p.Message)}");
            }
        }
        return md.ToString();
    }

    private static string Row(string label, AgreementFigures f) =>
        $"| {label} | {f.N} | {WithCi(f.Pearson)} | {WithCi(f.Spearman)} | {WithCi(f.Qwk)} | {WithCi(f.Mae)} | {WithCi(f.Bias)} |";

    // Keeps answer text from breaking the table or injecting markup.
    private static string Cell(string text) => MarkdownReportWriter.C(text);
}
