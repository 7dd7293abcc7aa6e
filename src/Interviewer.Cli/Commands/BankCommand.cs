using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Model;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary><c>interviewer bank show BANK</c>: a bank's questions and key points.</summary>
internal static class BankCommand
{
    public static Command Create()
    {
        var bankArgument = new Argument<string>("BANK") { Description = "The bank's id (see 'interviewer banks')." };
        var format = CommonOptions.Format("Output format", "table", "json");
        var show = new Command("show", "Show a bank: its categories, questions and key points.") { bankArgument, format };
        show.SetAction(result =>
        {
            if (BankCatalogLoader.TryLoad(result) is not { } catalog)
            {
                return 1;
            }
            if (BankCatalogLoader.TryFindBank(result, catalog, result.GetValue(bankArgument)) is not { } bank)
            {
                return 2;
            }
            if (result.GetValue(format) == "json")
            {
                result.Out().WriteLine(JsonSerializer.Serialize(bank, InterviewerJson.Indented));
            }
            else
            {
                WriteTable(CliOutput.Console(result.Out()), bank);
            }
            return 0;
        });

        return new Command("bank", "Inspect one question bank.") { show };
    }

    private static void WriteTable(IAnsiConsole console, QuestionBank bank)
    {
        console.MarkupLine($"[bold]{Markup.Escape(bank.Title)}[/] ({Markup.Escape(bank.Id)}, v{bank.Version}, {bank.Language}): {bank.Questions.Count} questions");
        foreach (var category in bank.Categories)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(category.InDefaultPlan ? category.Title : $"{category.Title} (not in the default plan)")) }
                .AddColumns("question", "key point", "weight", "concepts");
            foreach (var question in bank.Questions.Where(q => q.Category == category.Id))
            {
                table.AddRow($"[bold]{Markup.Escape(question.Id)}[/]", Markup.Escape(question.Text), string.Empty, string.Empty);
                foreach (var keyPoint in question.KeyPoints)
                {
                    table.AddRow(string.Empty, Markup.Escape($"{keyPoint.Id}: {keyPoint.Text}"),
                        keyPoint.Weight.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join(" + ", keyPoint.Concepts.Select(c => string.Join(" | ", c.Phrases)))));
                }
            }
            console.Write(table);
        }
    }
}
