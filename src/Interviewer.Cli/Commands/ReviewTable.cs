using System.Globalization;
using Interviewer.Import.Parsing;
using Interviewer.Import.Review;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary>The import review report as a table: one row per question found.</summary>
internal static class ReviewTable
{
    public static void Write(IAnsiConsole console, ImportReport report)
    {
        console.MarkupLine(Markup.Escape(
            $"{report.QuestionsFound} question(s) found in {report.Sections.Count} section(s), {report.QuestionsDrafted} drafted " +
            $"({report.Format}{(report.DocumentTitle is null ? string.Empty : $", \"{report.DocumentTitle}\"")})"));
        var first = 0;
        foreach (var section in report.Sections)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(section.Category is null ? section.Title : $"{section.Title} ({section.Category})")) }
                .AddColumns("#", "question", "found", "key points", "confidence", "check");
            // The report lists questions in document order, section after section.
            foreach (var question in report.Questions.Skip(first).Take(section.Questions))
            {
                table.AddRow(
                    question.Number.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(question.Text),
                    Markup.Escape(Found(question)),
                    question.KeyPoints.ToString(CultureInfo.InvariantCulture) + question.Refinement switch
                    {
                        null => string.Empty,
                        { Refined: true } => " (refined)",
                        _ => " (draft kept)",
                    },
                    question.Confidence switch
                    {
                        Confidence.High => "[green]high[/]",
                        Confidence.Medium => "[yellow]medium[/]",
                        _ => "[red]low[/]",
                    },
                    Markup.Escape(string.Join(", ", question.Warnings.Select(w => w.Code))));
            }
            console.Write(table);
            first += section.Questions;
        }
        foreach (var question in report.Questions.Where(q => q.Warnings.Any(w => w.Code != ReviewWarning.NoDescription)))
        {
            foreach (var warning in question.Warnings.Where(w => w.Code != ReviewWarning.NoDescription))
            {
                console.MarkupLine(Markup.Escape($"#{question.Number} {question.Id ?? question.Text}: {warning.Message}"));
            }
        }
        foreach (var question in report.Questions.Where(q => q.Refinement is { Refined: false }))
        {
            console.MarkupLine(Markup.Escape($"#{question.Number} {question.Id}: draft kept: {question.Refinement!.Reason}"));
        }
        if (report.Questions.Count(q => q.Refinement is not null) is > 0 and var asked)
        {
            console.MarkupLine(Markup.Escape($"refined: {report.Questions.Count(q => q.Refinement is { Refined: true })} of {asked} question(s)"));
        }
        var skipped = report.Skipped.Concat(report.Questions.SelectMany(q => q.Skipped)).GroupBy(s => s.Kind).ToList();
        if (skipped.Count > 0)
        {
            console.MarkupLine(Markup.Escape("left out: " + string.Join(", ", skipped.Select(g => $"{g.Count()} {g.Key.Replace('_', ' ')}"))));
        }
        console.MarkupLine(report.Valid ? "[green]the drafted bank validates[/]" : $"[red]the drafted bank has {report.Problems.Count} problem(s)[/]");
    }

    private static string Found(QuestionReview question)
    {
        var parts = new List<string>();
        if (question.HasDescription)
        {
            parts.Add("description");
        }
        parts.Add(question.Answer switch
        {
            AnswerSource.Label => $"answer ({question.AnswerWords} words)",
            AnswerSource.FollowingText => $"unlabelled answer ({question.AnswerWords} words)",
            _ => "no answer",
        });
        if (question.ListItems > 0)
        {
            parts.Add($"{question.ListItems} list items");
        }
        if (question.TableRows > 0)
        {
            parts.Add($"{question.TableRows} table rows");
        }
        return string.Join(", ", parts);
    }
}
