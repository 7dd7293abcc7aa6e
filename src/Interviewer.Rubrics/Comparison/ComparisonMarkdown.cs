using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Rubrics.Comparison;

/// <summary>A run comparison as Markdown: the figures that changed, per question and key point, and the answers that moved.</summary>
public static class ComparisonMarkdown
{
    /// <summary>Answers listed at most; the rest are counted.</summary>
    public const int MaxAnswers = 200;

    /// <summary>Writes <paramref name="comparison"/> as Markdown.</summary>
    public static string Write(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Comparison of two {comparison.Kind} runs\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- A: bank {Cell(comparison.A.BankId)} v{comparison.A.BankVersion}, grader {Cell(comparison.A.Grader)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- B: bank {Cell(comparison.B.BankId)} v{comparison.B.BankVersion}, grader {Cell(comparison.B.Grader)}\n\n");
        md.Append("## Overall\n\n| figure | A | B | change |\n|---|---:|---:|---:|\n");
        foreach (var figure in comparison.Overall)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {figure.Name} | {N(figure.A)} | {N(figure.B)} | {Signed(figure.Delta)} |\n");
        }
        md.Append("\n## Questions\n\n| question | figure | A | B | change |\n|---|---|---:|---:|---:|\n");
        foreach (var question in comparison.Questions)
        {
            foreach (var figure in question.Figures.Where(f => f.Delta is not 0))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(question.QuestionId)} | {figure.Name} | {N(figure.A)} | {N(figure.B)} | {Signed(figure.Delta)} |\n");
            }
        }
        md.Append("\n## Key points\n\n| question | key point | figure | A | B | change | up | down |\n|---|---|---|---:|---:|---:|---:|---:|\n");
        foreach (var point in comparison.KeyPoints)
        {
            foreach (var figure in point.Figures.Where(f => f.Delta is not 0 || point.Up + point.Down > 0))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(point.QuestionId)} | {Cell(point.Text ?? point.KeyPointId)} | {figure.Name} | {N(figure.A)} | {N(figure.B)} | {Signed(figure.Delta)} | {point.Up} | {point.Down} |\n");
            }
        }
        if (comparison.Kind == "grade")
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Answers that changed ({comparison.Answers.Count}; only in A: {comparison.OnlyInA}, only in B: {comparison.OnlyInB})\n\n");
            md.Append("| answer | question | A | B | change | statuses |\n|---|---|---:|---:|---:|---|\n");
            foreach (var answer in comparison.Answers.Take(MaxAnswers))
            {
                var flips = string.Join("; ", answer.Flips.Select(f => $"{f.KeyPointId}: {f.From} → {f.To}"));
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(answer.Id)} | {Cell(answer.QuestionId ?? "")} | {N(answer.ScoreA)} | {N(answer.ScoreB)} | {Signed(answer.Delta)} | {Cell(flips)} |\n");
            }
            if (comparison.Answers.Count > MaxAnswers)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n… and {comparison.Answers.Count - MaxAnswers} more.\n");
            }
        }
        return md.ToString();
    }

    /// <summary>A figure as text: up to four decimals, a dash when missing.</summary>
    public static string N(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";

    /// <summary>A change with its sign.</summary>
    public static string Signed(double? value) => value is { } v ? (v > 0 ? "+" : string.Empty) + N(v) : "–";

    private static string Cell(string text) => MarkdownReportWriter.C(text);
}
