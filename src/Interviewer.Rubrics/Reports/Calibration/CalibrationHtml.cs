using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Calibration;
using static Interviewer.Rubrics.Reports.Calibration.CalibrationFormat;

namespace Interviewer.Rubrics.Reports.Calibration;

/// <summary>
/// Writes a calibration report as one self-contained HTML page: headline, scatter plot of human vs grader scores and
/// confusion matrix (inline SVG), agreement tables and diagnostics. No script, no external resource; every text is encoded.
/// </summary>
public static class CalibrationHtml
{
    /// <summary>The report as an HTML document.</summary>
    public static string Write(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Calibration: ")
            .Append(E(report.Bank.Id)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}")
            .Append(".headline{font-size:1.15rem;font-weight:600}.plots{display:flex;gap:2rem;flex-wrap:wrap}.muted{color:#666}")
            .Append("</style></head><body>");
        html.Append("<h1>Calibration: ").Append(E(report.Grader)).Append(" grader, bank ").Append(E(report.Bank.Id)).Append(" v").Append(report.Bank.Version).Append("</h1>");
        html.Append("<p class=\"headline\" id=\"headline\">").Append(E(report.Headline)).Append("</p>");
        html.Append("<p class=\"muted\">").Append(report.Rows.Read).Append(" rows read, ").Append(report.Rows.Used).Append(" used, ")
            .Append(report.Rows.Rejected).Append(" left out; ").Append(report.Rows.Answers).Append(" answers. 95% bootstrap intervals (")
            .Append(report.Bootstrap.Iterations).Append(" resamples, seed ").Append(report.Bootstrap.Seed).Append(").</p>");
        html.Append("<div class=\"plots\">").Append(Scatter(report)).Append(Confusion(report)).Append("</div>");

        html.Append("<h2>Agreement per question</h2><table id=\"questions\"><tr><th>question</th><th>n</th><th>Pearson</th><th>Spearman</th><th>QWK</th><th>MAE</th><th>bias</th></tr>");
        AppendRow(html, "overall", report.Overall);
        foreach (var q in report.Questions)
        {
            AppendRow(html, q.QuestionId + (q.Drafted ? " (drafted)" : ""), q.Figures);
        }
        html.Append("</table>");

        if (report.Raters is { } raters)
        {
            html.Append("<h2>Humans beside the grader</h2><p>Krippendorff's alpha among humans: interval ").Append(E(WithCi(raters.AlphaInterval)))
                .Append(", ordinal ").Append(E(WithCi(raters.AlphaOrdinal))).Append("; with the grader as one more rater (interval) ")
                .Append(E(WithCi(raters.AlphaIntervalWithGrader))).Append(".</p><table id=\"raters\"><tr><th>pair</th><th>n</th><th>QWK</th><th>Pearson</th><th>MAE</th></tr>");
            foreach (var p in raters.Pairwise.Concat(raters.GraderVsRaters))
            {
                html.Append("<tr><td>").Append(E(p.A + " – " + p.B)).Append("</td><td>").Append(p.N).Append("</td><td>").Append(E(WithCi(p.Qwk)))
                    .Append("</td><td>").Append(E(WithCi(p.Pearson))).Append("</td><td>").Append(E(WithCi(p.Mae))).Append("</td></tr>");
            }
            html.Append("</table>");
        }

        html.Append("<h2>Largest disagreements</h2><table><tr><th>answer</th><th>human</th><th>grader</th><th>text and key points</th></tr>");
        foreach (var d in report.Diagnostics.LargestDisagreements)
        {
            html.Append("<tr><td>").Append(E(d.AnswerId)).Append("<br><span class=\"muted\">").Append(E(d.QuestionId)).Append("</span></td><td>")
                .Append(Short(d.Human)).Append("</td><td>").Append(Short(d.Grader)).Append("</td><td style=\"text-align:left\">").Append(E(d.Answer)).Append("<ul>");
            foreach (var item in d.Checklist)
            {
                html.Append("<li>").Append(E(item.Status.ToString().ToLowerInvariant())).Append(": ").Append(E(item.KeyPointId));
                if (item.Evidence.Count > 0)
                {
                    html.Append(" <span class=\"muted\">(").Append(E(string.Join(", ", item.Evidence))).Append(")</span>");
                }
                html.Append("</li>");
            }
            html.Append("</ul></td></tr>");
        }
        html.Append("</table>");

        html.Append("<h2>Candidate phrases and suggestions</h2><ul id=\"suggestions\">");
        foreach (var s in report.Suggestions)
        {
            html.Append("<li><code>").Append(E(s.Id)).Append("</code> ").Append(E(s.Kind)).Append(' ').Append(E(s.QuestionId)).Append(" / ").Append(E(s.KeyPointId));
            if (s.Phrase is not null)
            {
                html.Append(": “").Append(E(s.Phrase)).Append('”');
            }
            html.Append(" — <span class=\"muted\">").Append(E(s.Why)).Append("</span></li>");
        }
        html.Append("</ul>");
        if (report.Diagnostics.NeverMatched.Count + report.Diagnostics.AlwaysMatched.Count > 0)
        {
            html.Append("<h2>Key points that never or always match</h2><ul>");
            foreach (var k in report.Diagnostics.NeverMatched)
            {
                html.Append("<li>never: ").Append(E(k.QuestionId + " / " + k.KeyPointId)).Append("</li>");
            }
            foreach (var k in report.Diagnostics.AlwaysMatched)
            {
                html.Append("<li>always: ").Append(E(k.QuestionId + " / " + k.KeyPointId)).Append("</li>");
            }
            html.Append("</ul>");
        }
        if (report.Problems.Count > 0)
        {
            html.Append("<h2>Rows left out</h2><ul>");
            foreach (var p in report.Problems)
            {
                html.Append("<li>line ").Append(p.Line).Append(": ").Append(E(p.Message)).Append("</li>");
            }
            html.Append("</ul>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static void AppendRow(StringBuilder html, string label, AgreementFigures f) =>
        html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(f.N).Append("</td><td>").Append(E(WithCi(f.Pearson)))
            .Append("</td><td>").Append(E(WithCi(f.Spearman))).Append("</td><td>").Append(E(WithCi(f.Qwk)))
            .Append("</td><td>").Append(E(WithCi(f.Mae))).Append("</td><td>").Append(E(WithCi(f.Bias))).Append("</td></tr>");

    private static string Scatter(CalibrationReport report)
    {
        const int size = 360, pad = 40;
        var max = report.Scale.Max;
        double X(double v) => pad + v / max * (size - 2 * pad);
        double Y(double v) => size - pad - v / max * (size - 2 * pad);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"scatter\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\"human vs grader scores\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(max)}\" y2=\"{Y(max)}\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" y1=\"{size - pad}\" x2=\"{size - pad}\" y2=\"{size - pad}\" stroke=\"#333\"/><line x1=\"{pad}\" y1=\"{pad}\" x2=\"{pad}\" y2=\"{size - pad}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{size / 2}\" y=\"{size - 8}\" text-anchor=\"middle\" font-size=\"12\">human</text><text x=\"12\" y=\"{size / 2}\" font-size=\"12\" transform=\"rotate(-90 12 {size / 2})\" text-anchor=\"middle\">grader</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad}\" y=\"{size - pad + 14}\" font-size=\"10\">0</text><text x=\"{size - pad}\" y=\"{size - pad + 14}\" font-size=\"10\" text-anchor=\"end\">{Short(max)}</text>");
        foreach (var p in report.Points)
        {
            // Deterministic jitter, so that points on the same whole scores do not hide each other.
            var hash = (uint)StableHash(p.AnswerId);
            var jitter = ((hash % 1000) / 1000.0 - 0.5) * max * 0.03;
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(Math.Clamp(p.Human + jitter, 0, max)):0.0}\" cy=\"{Y(p.Grader):0.0}\" r=\"2.5\" fill=\"#3366cc\" fill-opacity=\"0.45\"><title>{E(p.AnswerId)}: human {Short(p.Human)}, grader {Short(p.Grader)}</title></circle>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Confusion(CalibrationReport report)
    {
        var points = report.Confusion.Points;
        var cell = Math.Max(18, Math.Min(40, 320 / Math.Max(1, points.Count)));
        var size = 50 + cell * points.Count;
        var peak = Math.Max(1, report.Confusion.Counts.SelectMany(r => r).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"confusion\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + 10}\" height=\"{size + 10}\" role=\"img\" aria-label=\"confusion matrix: human rows, grader columns\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{50 + cell * points.Count / 2}\" y=\"12\" text-anchor=\"middle\" font-size=\"12\">grader</text><text x=\"10\" y=\"{50 + cell * points.Count / 2}\" font-size=\"12\" transform=\"rotate(-90 10 {50 + cell * points.Count / 2})\" text-anchor=\"middle\">human</text>");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{50 + cell * i + cell / 2}\" y=\"40\" text-anchor=\"middle\" font-size=\"10\">{Short(points[i])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"44\" y=\"{50 + cell * i + cell / 2 + 4}\" text-anchor=\"end\" font-size=\"10\">{Short(points[i])}</text>");
            for (var j = 0; j < points.Count; j++)
            {
                var count = report.Confusion.Counts[i][j];
                var shade = (0.08 + 0.85 * count / peak).ToString("0.00", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{50 + cell * j}\" y=\"{50 + cell * i}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{(i == j ? "#2a9d5c" : "#cc4433")}\" fill-opacity=\"{(count == 0 ? "0.03" : shade)}\"><title>human {Short(points[i])}, grader {Short(points[j])}: {count}</title></rect>");
                if (count > 0 && cell >= 22)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{50 + cell * j + cell / 2}\" y=\"{50 + cell * i + cell / 2 + 4}\" text-anchor=\"middle\" font-size=\"10\">{count}</text>");
                }
            }
        }
        return svg.Append("</svg>").ToString();
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash;
        }
    }

    private static string E(string text) => HtmlReportWriter.E(text);
}
