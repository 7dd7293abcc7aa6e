using System.Globalization;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Statistics;
using Spectre.Console;

namespace Interviewer.Cli.Commands.Calibration;

/// <summary>The calibration report as terminal tables.</summary>
internal static class CalibrationTable
{
    public static void Write(IAnsiConsole console, CalibrationReport report)
    {
        console.MarkupLine($"grader [bold]{Markup.Escape(report.Grader)}[/], bank {Markup.Escape(report.Bank.Id)} v{report.Bank.Version}; {report.Rows.Read} rows read, {report.Rows.Used} used, {report.Rows.Rejected} left out; {report.Rows.Answers} answers; scale 0–{report.Scale.Max.ToString(CultureInfo.InvariantCulture)}");
        console.MarkupLine($"[bold]{Markup.Escape(report.Headline)}[/]");
        if (report.WhatIf is { } whatIf)
        {
            console.MarkupLine(Markup.Escape($"what-if (bank v{whatIf.BankVersion}, {whatIf.Applied.Count} applied): QWK {V(whatIf.Before.Qwk)} → {V(report.Overall.Qwk)}, Pearson {V(whatIf.Before.Pearson)} → {V(report.Overall.Pearson)}, MAE {V(whatIf.Before.Mae)} → {V(report.Overall.Mae)}"));
            foreach (var rejected in whatIf.Rejected)
            {
                console.MarkupLine(Markup.Escape($"  not applied: {rejected.Message}"));
            }
        }
        var table = new Table().AddColumns("", "n", "pearson", "spearman", "qwk", "mae", "bias");
        table.AddRow(Row("overall", report.Overall));
        foreach (var q in report.Questions)
        {
            table.AddRow(Row(q.QuestionId + (q.Drafted ? " (drafted)" : string.Empty), q.Figures));
        }
        console.Write(table);
        WriteUndefined(console, report);

        if (report.Raters is { } raters)
        {
            console.MarkupLine(Markup.Escape($"humans ({string.Join(", ", raters.Raters)}; {raters.Units} answers with 2+ raters): alpha interval {C(raters.AlphaInterval)}, ordinal {C(raters.AlphaOrdinal)}; with the grader added {C(raters.AlphaIntervalWithGrader)}"));
            var pairs = new Table().AddColumns("pair", "n", "qwk", "pearson", "mae");
            foreach (var p in raters.Pairwise.Concat(raters.GraderVsRaters))
            {
                pairs.AddRow(Markup.Escape($"{p.A} – {p.B}"), p.N.ToString(CultureInfo.InvariantCulture), Markup.Escape(C(p.Qwk)), Markup.Escape(C(p.Pearson)), Markup.Escape(C(p.Mae)));
            }
            console.Write(pairs);
        }

        if (report.Diagnostics.LargestDisagreements.Count > 0)
        {
            var worst = new Table { Title = new TableTitle("largest disagreements") }.AddColumns("answer", "human", "grader", "key points");
            foreach (var d in report.Diagnostics.LargestDisagreements)
            {
                worst.AddRow(Markup.Escape($"{d.AnswerId} ({d.QuestionId})"), d.Human.ToString("0.##", CultureInfo.InvariantCulture), d.Grader.ToString("0.##", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", d.Checklist.Select(c => $"{c.KeyPointId}:{c.Status.ToString().ToLowerInvariant()}"))));
            }
            console.Write(worst);
        }
        foreach (var k in report.Diagnostics.NeverMatched)
        {
            console.MarkupLine(Markup.Escape($"never matches: {k.QuestionId} / {k.KeyPointId} ({k.Answers} answers)"));
        }
        foreach (var k in report.Diagnostics.AlwaysMatched)
        {
            console.MarkupLine(Markup.Escape($"always matches: {k.QuestionId} / {k.KeyPointId} ({k.Answers} answers)"));
        }
        if (report.Suggestions.Count > 0)
        {
            var suggestions = new Table { Title = new TableTitle("suggestions (try with --what-if ID,ID)") }.AddColumns("id", "question / key point", "edit", "why");
            foreach (var s in report.Suggestions)
            {
                suggestions.AddRow(Markup.Escape(s.Id), Markup.Escape($"{s.QuestionId} / {s.KeyPointId}"),
                    Markup.Escape(s.Kind == RubricSuggestion.AddPhrase ? $"+ \"{s.Phrase}\" (concept {s.ConceptIndex})" : $"weight {s.Weight}"), Markup.Escape(s.Why));
            }
            console.Write(suggestions);
        }
    }

    private static void WriteUndefined(IAnsiConsole console, CalibrationReport report)
    {
        // Say why a figure is undefined instead of printing NaN.
        var reasons = new[] { report.Overall.Pearson, report.Overall.Spearman, report.Overall.Qwk }
            .Where(m => m.Reason is not null).Select(m => m.Reason!).Distinct().ToList();
        foreach (var reason in reasons)
        {
            console.MarkupLine(Markup.Escape($"undefined overall: {reason}"));
        }
    }

    private static string[] Row(string label, AgreementFigures f) =>
        [Markup.Escape(label), f.N.ToString(CultureInfo.InvariantCulture), Markup.Escape(C(f.Pearson)), Markup.Escape(C(f.Spearman)), Markup.Escape(C(f.Qwk)), Markup.Escape(C(f.Mae)), Markup.Escape(C(f.Bias))];

    private static string V(Measure m) => m.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string C(Measure m) => m.Value is null ? "–" : m.Ci95 is { } ci
        ? string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.000} [{ci.Low:0.00}, {ci.High:0.00}]")
        : V(m);
}
