using System.CommandLine;
using Interviewer.Rubrics.Grading;
using System.Text.Json;
using Interviewer.Cli.Commands.Calibration;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Calibration.Diagnostics;
using Interviewer.Rubrics.Calibration.Pipeline;
using Interviewer.Rubrics.Exemplars;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Reports.Calibration;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Cli.Commands;

/// <summary>
/// <c>interviewer calibrate INPUT</c>: grades human-scored answers and reports agreement with the humans (and among them),
/// diagnostics and rubric suggestions; <c>--what-if</c> tries suggestions on a copy of the rubric.
/// </summary>
internal static class CalibrateCommand
{
    private const int ProgressEvery = 500;

    public static Command Create()
    {
        var input = new Argument<FileInfo>("INPUT") { Description = "Calibration rows, CSV (header row) or JSON Lines: answer, score, max_score?, question_id or question, reference_answer?, rater?, key_points?; score_a/score_b columns become raters a and b." };
        var bankOption = new Option<string?>("--bank", "-b") { Description = "The bank questions are looked up in. Default: the only bank available, if any; questions not found are drafted from reference_answer." };
        var graderOption = new Option<string?>("--grader", "-g") { Description = $"The grader to measure ({string.Join("|", GraderNames.All)}). Default: Interviewer__Grader__Default, else keyword. llm and dual need a model: docs/llm.md." };
        graderOption.AcceptOnlyFromAmong([.. GraderNames.All]);
        var format = CommonOptions.Format("Output format", "table", "json", "md", "html");
        var outOption = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var whatIf = new Option<string?>("--what-if") { Description = "Suggestion ids to try (e.g. s1,s3): applied to a copy of the rubric (version + 1), answers re-graded, the new agreement reported beside the old." };
        var apply = new Option<bool>("--apply") { Description = "With --what-if: also write those suggestions into the bank's YAML files (phrases and weights; bank version + 1)." };
        var crossValidate = new Option<int?>("--cross-validate")
        {
            Description = $"Grade each answer with the other folds' answers of its question as exemplars (K folds within each question, default {CrossValidation.DefaultFolds}): the agreement to expect on new answers if these rows were the bank's exemplars.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var maxExemplars = new Option<int?>("--exemplars") { Description = "With --cross-validate: at most N exemplars per question, drawn from the other folds (e.g. 10 to see what 10 scored answers per question give)." };
        var saveExemplars = new Option<bool>("--save-exemplars") { Description = "Also import the rows as the bank's exemplars (needs --bank; the bank's version goes up by one)." };
        var command = new Command("calibrate", "Grade human-scored answers and report agreement between the grader and the humans, and what in the rubric causes disagreement.")
        {
            input, bankOption, graderOption, format, outOption, whatIf, apply, crossValidate, maxExemplars, saveExemplars,
        };
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(input)!;
            if (result.GetValue(apply) && string.IsNullOrEmpty(result.GetValue(whatIf)))
            {
                result.Error().WriteLine("error: --apply writes the suggestions chosen with --what-if; name them (e.g. --what-if s1,s3).");
                return 2;
            }
            CrossValidation? folds = null;
            if (result.GetResult(crossValidate) is not null)
            {
                folds = new CrossValidation(result.GetValue(crossValidate) ?? CrossValidation.DefaultFolds, result.GetValue(maxExemplars));
                if (folds.Folds < 2 || folds.MaxExemplars < 0)
                {
                    result.Error().WriteLine("error: --cross-validate needs at least 2 folds and --exemplars a number of 0 or more.");
                    return 2;
                }
                if (!string.IsNullOrEmpty(result.GetValue(whatIf)))
                {
                    result.Error().WriteLine("error: --what-if re-grades with the bank's rubric; run it without --cross-validate.");
                    return 2;
                }
            }
            else if (result.GetResult(maxExemplars) is not null)
            {
                result.Error().WriteLine("error: --exemplars sets how many exemplars --cross-validate uses; add --cross-validate.");
                return 2;
            }
            if (result.GetValue(saveExemplars) && string.IsNullOrWhiteSpace(result.GetValue(bankOption)))
            {
                result.Error().WriteLine("error: --save-exemplars writes into a bank: name it with --bank.");
                return 2;
            }
            if (!file.Exists)
            {
                result.Error().WriteLine($"error: {file.FullName} not found.");
                return 2;
            }
            await using var graders = GraderFactory.TryCreate(result);
            if (graders is null || !GraderFactory.TryGetGrader(result, graders, result.GetValue(graderOption), out var grader))
            {
                return 2;
            }
            if (!TryGetBank(result, result.GetValue(bankOption), out var bank))
            {
                return 2;
            }
            if (result.GetValue(apply) && bank is null)
            {
                result.Error().WriteLine("error: --apply needs a bank to write to (--bank); without one the rubrics are drafted from reference answers.");
                return 2;
            }

            List<TabularRow> rows;
            using (var reader = file.OpenText())
            {
                rows = TabularReader.Read(reader, TabularReader.DetectFormat(file.FullName, reader)).ToList();
            }
            var progress = rows.Count >= 2 * ProgressEvery
                ? new SynchronousProgress(done =>
                {
                    if (done % ProgressEvery == 0)
                    {
                        result.Error().WriteLine($"graded {done} rows");
                    }
                })
                : null;
            var session = await CalibrationSession.RunAsync(rows, grader, bank, new CalibrationOptions(CrossValidation: folds), progress, ct);
            foreach (var problem in session.Problems)
            {
                result.Error().WriteLine($"{file.Name}:{problem.Line}: {problem.Message}");
            }

            var report = session.Report;
            if (result.GetValue(whatIf) is { Length: > 0 } ids)
            {
                var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var unknown = wanted.Where(id => report.Suggestions.All(s => s.Id != id)).ToList();
                if (unknown.Count > 0)
                {
                    result.Error().WriteLine($"error: no suggestion {string.Join(", ", unknown)}; the report suggests: {(report.Suggestions.Count == 0 ? "none" : string.Join(", ", report.Suggestions.Select(s => s.Id)))}.");
                    return 2;
                }
                var chosen = report.Suggestions.Where(s => wanted.Contains(s.Id)).ToList();
                report = await session.WhatIfAsync(chosen, ct);
                if (result.GetValue(apply) && !WriteToFiles(result, bank!, chosen))
                {
                    return 1;
                }
            }

            if (result.GetValue(saveExemplars) && !SaveExemplars(result, bank!, rows, file.Name))
            {
                return 1;
            }

            var outFile = result.GetValue(outOption);
            outFile?.Directory?.Create();
            using var writer = outFile is null ? null : new StreamWriter(outFile.FullName);
            var output = writer ?? result.Out();
            switch (result.GetValue(format))
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(report, InterviewerJson.Indented));
                    break;
                case "md":
                    output.Write(CalibrationMarkdown.Write(report));
                    break;
                case "html":
                    output.Write(CalibrationHtml.Write(report));
                    break;
                default:
                    CalibrationTable.Write(CliOutput.Console(output), report);
                    break;
            }
            if (outFile is not null)
            {
                result.Error().WriteLine($"report written to {outFile.FullName}");
            }
            return session.Answers.Count > 0 ? 0 : 1;
        });
        return command;
    }

    private static bool SaveExemplars(ParseResult result, QuestionBank bank, List<TabularRow> rows, string source)
    {
        var (parsed, _) = CalibrationRows.ReadExpanded(rows);
        var imported = ExemplarsCommand.Change(result, () => ExemplarFiles.Import(BankCatalogLoader.BankFolder(result, bank), parsed, source, DateOnly.FromDateTime(DateTime.UtcNow)));
        if (imported is null)
        {
            return false;
        }
        foreach (var problem in imported.Problems)
        {
            result.Error().WriteLine($"{source}:{problem.Line}: {problem.Message} (not saved as an exemplar)");
        }
        result.Error().WriteLine($"exemplars: {imported.Added} added, {imported.Replaced} replaced; bank {bank.Id} is now v{imported.Version}");
        return true;
    }

    private static bool WriteToFiles(ParseResult result, QuestionBank bank, IReadOnlyList<RubricSuggestion> chosen)
    {
        var folder = BankCatalogLoader.BankFolder(result, bank);
        try
        {
            foreach (var changed in RubricEdits.ApplyToFiles(folder, chosen))
            {
                result.Error().WriteLine($"edited {changed}");
            }
            return true;
        }
        catch (RubricLoadException e)
        {
            foreach (var problem in e.Problems)
            {
                result.Error().WriteLine(problem);
            }
            return false;
        }
    }

    private static bool TryGetBank(ParseResult result, string? bankId, out QuestionBank? bank)
    {
        bank = null;
        var root = result.GetValue(CommonOptions.Rubrics)!.FullName;
        var hasBankFiles = Directory.Exists(root) && Directory.EnumerateFiles(root, BankLoader.BankFileName, SearchOption.AllDirectories).Any();
        if (string.IsNullOrWhiteSpace(bankId) && !hasBankFiles)
        {
            result.Error().WriteLine("bank: none (rubrics are drafted from each row's reference_answer)");
            return true;
        }
        // A broken bank must not silently turn into drafted rubrics.
        if (BankCatalogLoader.TryLoad(result) is not { } catalog)
        {
            return false;
        }
        var resolution = catalog.Resolve(bankId);
        if (resolution.IsUnknown)
        {
            result.Error().WriteLine($"error: {resolution.Error}.");
            return false;
        }
        bank = resolution.Bank;
        result.Error().WriteLine(bank is not null
            ? $"bank: {bank.Id} v{bank.Version}"
            : $"bank: none of {string.Join(", ", resolution.Available)} (name one with --bank); rubrics are drafted from each row's reference_answer");
        return true;
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
