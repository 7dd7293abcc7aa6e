using System.Globalization;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Reports;

/// <summary>
/// One self-contained HTML file (no script, no network): summary, score distribution as inline SVG, a table per candidate
/// and per question, each answer with its key-point checklist and the evidence marked in the text. Every text is HTML-encoded.
/// </summary>
internal sealed class HtmlReportWriter(TextWriter writer, QuestionBank bank) : IBatchReportWriter
{
    private readonly ReportCollector _collected = new();

    public void Write(BatchResult result) => _collected.Add(result);

    public void Complete(BatchSummary summary)
    {
        var w = writer;
        w.Write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<title>Batch grading report: {E(bank.Title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        w.Write($"<h1>Batch grading report</h1>\n<p class=\"meta\">Bank <b>{E(bank.Title)}</b> ({E(summary.Bank.Id)} v{summary.Bank.Version}), grader <b>{E(summary.Grader)}</b>.</p>\n");
        WriteSummary(summary);
        WriteChart(summary);
        WriteQuestions(summary);
        WriteCandidates();
        WriteAnswers();
        WriteErrors();
        w.Write("</body>\n</html>\n");
        w.Flush();
    }

    private void WriteSummary(BatchSummary s)
    {
        writer.Write("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"stats\">\n");
        Stat("Rows", N(s.Rows));
        Stat("Graded", N(s.Graded));
        Stat("Failed", N(s.Failed));
        Stat("Mean score", Score(s.MeanScore));
        Stat("Median score", Score(s.MedianScore));
        Stat("Lowest / highest", $"{Score(s.MinScore)} / {Score(s.MaxScore)}");
        Stat("Degraded", N(s.Degraded));
        Stat("Flagged", N(s.Flagged) + (s.Flags.Count == 0 ? string.Empty : " (" + string.Join(", ", s.Flags.Select(f => $"{f.Key}: {N(f.Value)}")) + ")"));
        Stat("Time", s.ElapsedSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        writer.Write("</dl>\n</section>\n");
    }

    private void Stat(string name, string value) => writer.Write($"<div><dt>{E(name)}</dt><dd>{E(value)}</dd></div>\n");

    private void WriteChart(BatchSummary s)
    {
        const int width = 640, height = 240, top = 20, bottom = 40, left = 40;
        var bands = s.Distribution;
        var max = Math.Max(1, bands.Count == 0 ? 1 : bands.Max(b => b.Count));
        var barWidth = (width - left - 10) / Math.Max(1, bands.Count);
        var plot = height - top - bottom;
        writer.Write("<section id=\"distribution\">\n<h2>Score distribution</h2>\n");
        writer.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Graded answers per score band\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        writer.Write($"<line x1=\"{left}\" y1=\"{top + plot}\" x2=\"{width - 5}\" y2=\"{top + plot}\" stroke=\"#555\"/>\n");
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var h = (int)Math.Round((double)band.Count / max * plot);
            var x = left + i * barWidth;
            var label = band.To >= 100 ? $"{band.From}–100" : $"{band.From}–{band.To - 1}";
            writer.Write($"<g class=\"bar\"><title>{E(label)}: {N(band.Count)}</title>");
            writer.Write($"<rect x=\"{x + 3}\" y=\"{top + plot - h}\" width=\"{barWidth - 6}\" height=\"{h}\" fill=\"#3b6fb6\"/>");
            writer.Write($"<text x=\"{x + barWidth / 2}\" y=\"{top + plot - h - 4}\" text-anchor=\"middle\" font-size=\"11\">{N(band.Count)}</text>");
            writer.Write($"<text x=\"{x + barWidth / 2}\" y=\"{top + plot + 16}\" text-anchor=\"middle\" font-size=\"11\">{E(label)}</text></g>\n");
        }
        writer.Write($"<text x=\"{left}\" y=\"{height - 6}\" font-size=\"11\">score</text>\n</svg>\n</section>\n");
    }

    private void WriteQuestions(BatchSummary s)
    {
        writer.Write("<section id=\"questions\">\n<h2>By question</h2>\n<table>\n<thead><tr><th>Question</th><th>Text</th><th>Graded</th><th>Mean</th><th>Lowest</th><th>Highest</th><th>Failed</th></tr></thead>\n<tbody>\n");
        foreach (var q in s.Questions)
        {
            writer.Write($"<tr><td><code>{E(q.QuestionId)}</code></td><td>{E(q.Text)}</td><td class=\"num\">{N(q.Graded)}</td><td class=\"num\">{Score(q.MeanScore)}</td><td class=\"num\">{Score(q.MinScore)}</td><td class=\"num\">{Score(q.MaxScore)}</td><td class=\"num\">{N(q.Failed)}</td></tr>\n");
        }
        writer.Write("</tbody>\n</table>\n</section>\n");
    }

    private void WriteCandidates()
    {
        writer.Write("<section id=\"candidates\">\n<h2>By candidate</h2>\n");
        if (_collected.HasCandidates)
        {
            writer.Write("<table>\n<thead><tr><th>Candidate</th><th>Answers graded</th><th>Mean score</th></tr></thead>\n<tbody>\n");
            foreach (var (name, tally) in _collected.Candidates)
            {
                writer.Write($"<tr><td>{E(name)}</td><td class=\"num\">{N(tally.Graded)}</td><td class=\"num\">{Score(tally.Mean)}</td></tr>\n");
            }
            writer.Write("</tbody>\n</table>\n");
        }
        foreach (var group in _collected.ByCandidate())
        {
            var title = group.Key.Length == 0 ? (_collected.HasCandidates ? "No candidate given" : "All answers") : group.Key;
            writer.Write($"<h3 class=\"candidate\">{E(title)}</h3>\n<table class=\"answers\">\n<thead><tr><th>Line</th><th>Id</th><th>Question</th><th>Score</th><th>Key points</th><th>Flags</th></tr></thead>\n<tbody>\n");
            foreach (var r in group)
            {
                var g = r.Grade!;
                var covered = g.KeyPoints.Count(k => k.Status == KeyPointStatus.Covered);
                writer.Write($"<tr><td class=\"num\">{r.Line}</td><td><a href=\"#{Anchor(r)}\">{E(r.Id ?? "—")}</a></td><td><code>{E(g.QuestionId)}</code></td><td class=\"num\">{Score(g.Score)}{(g.Degraded ? " <span class=\"warn\">degraded</span>" : string.Empty)}</td><td class=\"num\">{covered}/{g.KeyPoints.Count}</td><td>{E(string.Join(", ", g.Flags))}</td></tr>\n");
            }
            writer.Write("</tbody>\n</table>\n");
        }
        writer.Write("</section>\n");
    }

    private void WriteAnswers()
    {
        writer.Write("<section id=\"answers\">\n<h2>Answers</h2>\n");
        if (_collected.NotDetailed > 0)
        {
            writer.Write($"<p class=\"warn\">Only the first {N(BatchReports.MaxDetailedAnswers)} graded answers are shown; {N(_collected.NotDetailed)} more are counted in the summary. The CSV and JSON reports have every row.</p>\n");
        }
        foreach (var r in _collected.Detailed)
        {
            var g = r.Grade!;
            var question = bank.FindQuestion(g.QuestionId);
            writer.Write($"<article class=\"answer\" id=\"{Anchor(r)}\">\n<h3>{E(r.Id ?? $"line {r.Line}")}{(r.Candidate is null ? string.Empty : " · " + E(r.Candidate))} · <code>{E(g.QuestionId)}</code> · <span class=\"score\">{Score(g.Score)}</span></h3>\n");
            if (question is not null)
            {
                writer.Write($"<p class=\"question\" lang=\"{E(bank.Language)}\">{E(question.Text)}</p>\n");
            }
            writer.Write("<ul class=\"checklist\">\n");
            foreach (var k in g.KeyPoints)
            {
                var status = CsvBatchReport.StatusName(k.Status);
                var mark = k.Status switch { KeyPointStatus.Covered => "✓", KeyPointStatus.Partial => "◐", _ => "✗" };
                writer.Write($"<li class=\"{status}\"><span class=\"mark\" aria-hidden=\"true\">{mark}</span> <span class=\"status\">{status}</span> <span lang=\"{E(bank.Language)}\">{E(k.Text)}</span>");
                if (k.Evidence.Count > 0)
                {
                    writer.Write(" — " + string.Join(", ", k.Evidence.Select(e => $"<q>{E(e.Text)}</q>")));
                }
                writer.Write("</li>\n");
            }
            writer.Write("</ul>\n");
            if (r.Answer is { } answer)
            {
                writer.Write($"<blockquote class=\"text\" lang=\"{E(bank.Language)}\">{Highlight(answer, g.KeyPoints)}</blockquote>\n");
            }
            var flags = g.Flags.Count == 0 ? string.Empty : $"<p class=\"flags\">Flags: {E(string.Join(", ", g.Flags))}</p>\n";
            writer.Write(flags);
            if (g.Anchors is { Count: > 0 } anchors)
            {
                writer.Write($"<p class=\"anchors\">{GradeAnchors.Title}: {E(GradeAnchors.Describe(anchors))}</p>\n");
            }
            if (g.FollowUp is { } followUp)
            {
                writer.Write($"<p class=\"follow-up\">Follow-up: <span lang=\"{E(bank.Language)}\">{E(followUp)}</span></p>\n");
            }
            writer.Write("</article>\n");
        }
        writer.Write("</section>\n");
    }

    private void WriteErrors()
    {
        if (_collected.Errors.Count == 0)
        {
            return;
        }
        writer.Write("<section id=\"errors\">\n<h2>Rows not graded</h2>\n<table>\n<thead><tr><th>Line</th><th>Id</th><th>Error</th></tr></thead>\n<tbody>\n");
        foreach (var r in _collected.Errors)
        {
            writer.Write($"<tr><td class=\"num\">{r.Line}</td><td>{E(r.Id ?? "—")}</td><td>{E(r.Error ?? string.Empty)}</td></tr>\n");
        }
        writer.Write("</tbody>\n</table>\n");
        if (_collected.ErrorsNotShown > 0)
        {
            writer.Write($"<p class=\"warn\">{N(_collected.ErrorsNotShown)} more rows were not graded; the CSV and JSON reports list them all.</p>\n");
        }
        writer.Write("</section>\n");
    }

    /// <summary>The answer, encoded, with every evidence span wrapped in &lt;mark&gt; (overlapping spans merged).</summary>
    internal static string Highlight(string answer, IReadOnlyList<KeyPointGrade> keyPoints)
    {
        var spans = keyPoints.SelectMany(k => k.Evidence)
            .Where(e => e.Start >= 0 && e.Length > 0 && e.Start + e.Length <= answer.Length)
            .Select(e => (Start: e.Start, End: e.Start + e.Length))
            .OrderBy(s => s.Start)
            .ToList();
        var html = new System.Text.StringBuilder(answer.Length + 64);
        var at = 0;
        var i = 0;
        while (i < spans.Count)
        {
            var (start, end) = spans[i++];
            while (i < spans.Count && spans[i].Start <= end)
            {
                end = Math.Max(end, spans[i++].End);
            }
            start = Math.Max(start, at);
            if (start >= end)
            {
                continue;
            }
            html.Append(E(answer[at..start])).Append("<mark>").Append(E(answer[start..end])).Append("</mark>");
            at = end;
        }
        html.Append(E(answer[at..]));
        return html.ToString();
    }

    private static string Anchor(BatchResult r) => "line-" + r.Line.ToString(CultureInfo.InvariantCulture);

    /// <summary>HTML-encodes the five special characters; other text stays readable (the file is UTF-8).</summary>
    internal static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            _ = ch switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(ch),
            };
        }
        return sb.ToString();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Score(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232b;line-height:1.45}
        h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #d5dae1;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem}.stats div{background:#f5f7fa;border-radius:6px;padding:.5rem .7rem}
        dt{font-size:.8rem;color:#555}dd{margin:0;font-size:1.2rem;font-weight:600}
        .answer{border:1px solid #d5dae1;border-radius:8px;padding:.3rem 1rem .8rem;margin:1rem 0}.score{color:#3b6fb6}
        .checklist{list-style:none;padding-left:0}.checklist li{margin:.2rem 0}.status{font-size:.75rem;text-transform:uppercase;color:#555}
        .covered .mark{color:#1a7f37}.partial .mark{color:#b58100}.missing .mark{color:#c62828}
        blockquote.text{white-space:pre-wrap;background:#fafbfc;border-left:4px solid #c9d3e0;margin:.5rem 0;padding:.5rem .8rem}
        mark{background:#fff1a8;padding:0 .1em}.warn{color:#a15c00}.question{font-style:italic;color:#333}
        @media print{.answer{break-inside:avoid}}
        """;
}
