using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Exemplars;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary>
/// <c>interviewer exemplars import|list|remove</c>: the answers a team scored, kept with a bank as anchors for grading.
/// </summary>
internal static class ExemplarsCommand
{
    public static Command Create() => new("exemplars", "Scored answers kept with a bank (rubrics/<bank>/exemplars/<question-id>.jsonl): the grader anchors on them.")
    {
        Import(), List(), Remove(),
    };

    private static Command Import()
    {
        var input = new Argument<FileInfo>("INPUT") { Description = "Scored answers, CSV (header row) or JSON Lines, as calibration rows: answer, score, max_score?, question_id or question (exact text), answer_id?, rater?. The reviewer export (GET /api/reviews?format=jsonl) imports as it is." };
        var bankOption = new Option<string>("--bank", "-b") { Description = "The bank that keeps the exemplars.", Required = true };
        var command = new Command("import", "Import scored answers as a bank's exemplars (an answer id already there is replaced; the bank's version goes up by one).") { input, bankOption };
        command.SetAction(result =>
        {
            var file = result.GetValue(input)!;
            if (!file.Exists)
            {
                result.Error().WriteLine($"error: {file.FullName} not found.");
                return 1;
            }
            if (TryBankFolder(result, result.GetValue(bankOption)!) is not { } folder)
            {
                return 1;
            }
            IReadOnlyList<CalibrationRow> rows;
            IReadOnlyList<CalibrationProblem> readProblems;
            using (var reader = file.OpenText())
            {
                (rows, readProblems) = CalibrationRows.ReadExpanded(TabularReader.Read(reader, TabularReader.DetectFormat(file.FullName, reader)).ToList());
            }
            var imported = Change(result, () => ExemplarFiles.Import(folder, rows, file.Name, DateOnly.FromDateTime(DateTime.UtcNow)));
            if (imported is null)
            {
                return 1;
            }
            foreach (var problem in readProblems.Concat(imported.Problems).OrderBy(p => p.Line))
            {
                result.Error().WriteLine($"{file.Name}:{problem.Line}: {problem.Message}");
            }
            result.Out().WriteLine($"{imported.Added} added, {imported.Replaced} replaced; bank {result.GetValue(bankOption)} is now v{imported.Version}.");
            return imported.Added + imported.Replaced > 0 ? 0 : 1;
        });
        return command;
    }

    private static Command List()
    {
        var bankArgument = new Argument<string>("BANK") { Description = "The bank's id." };
        var format = CommonOptions.Format("Output format", "table", "json");
        var command = new Command("list", "List a bank's exemplars: id, question, score, rater and the start of the answer.") { bankArgument, format };
        command.SetAction(result =>
        {
            if (BankCatalogLoader.TryLoad(result) is not { } catalog || BankCatalogLoader.TryFindBank(result, catalog, result.GetValue(bankArgument)) is not { } bank)
            {
                return 1;
            }
            var listed = bank.Questions.SelectMany(q => q.Exemplars.Select(e => new ListedExemplar(q.Id, e))).ToList();
            if (result.GetValue(format) == "json")
            {
                result.Out().WriteLine(JsonSerializer.Serialize(new { bank = bank.Ref, exemplars = listed }, InterviewerJson.Indented));
                return 0;
            }
            var console = CliOutput.Console(result.Out());
            console.MarkupLine(Markup.Escape($"{bank.Id} v{bank.Version}: {listed.Count} exemplars for {listed.Select(l => l.QuestionId).Distinct().Count()} of {bank.Questions.Count} questions"));
            var table = new Table().AddColumns("id", "question", "score", "rater", "answer");
            foreach (var (questionId, exemplar) in listed)
            {
                table.AddRow(Markup.Escape(exemplar.Id), Markup.Escape(questionId),
                    Markup.Escape($"{exemplar.Score.ToString(CultureInfo.InvariantCulture)}/{exemplar.MaxScore.ToString(CultureInfo.InvariantCulture)}"),
                    Markup.Escape(exemplar.Rater ?? string.Empty), Markup.Escape(exemplar.Answer.Length <= 60 ? exemplar.Answer : exemplar.Answer[..60] + "…"));
            }
            console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var bankArgument = new Argument<string>("BANK") { Description = "The bank's id." };
        var ids = new Option<string[]>("--ids") { Description = "Exemplar ids to remove (space- or comma-separated).", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("remove", "Remove exemplars from a bank by id (the bank's version goes up by one).") { bankArgument, ids };
        command.SetAction(result =>
        {
            if (TryBankFolder(result, result.GetValue(bankArgument)!) is not { } folder)
            {
                return 1;
            }
            var wanted = result.GetValue(ids)!.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (Change(result, () => ExemplarFiles.Remove(folder, wanted)) is not var (removed, unknown, version))
            {
                return 1;
            }
            if (unknown.Count > 0)
            {
                result.Error().WriteLine($"error: no exemplar {string.Join(", ", unknown)} in bank {result.GetValue(bankArgument)}.");
            }
            result.Out().WriteLine($"{removed.Count} removed; bank {result.GetValue(bankArgument)} is {(removed.Count > 0 ? "now" : "still")} v{version}.");
            return unknown.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static string? TryBankFolder(ParseResult result, string bankId)
    {
        if (BankCatalogLoader.TryLoad(result) is not { } catalog || BankCatalogLoader.TryFindBank(result, catalog, bankId) is not { } bank)
        {
            return null;
        }
        return BankCatalogLoader.BankFolder(result, bank);
    }

    internal static T? Change<T>(ParseResult result, Func<T> change)
        where T : class
    {
        try
        {
            return change();
        }
        catch (RubricLoadException e)
        {
            foreach (var problem in e.Problems)
            {
                result.Error().WriteLine(problem);
            }
            return default;
        }
    }

    private sealed record ListedExemplar(string QuestionId, Exemplar Exemplar);
}
