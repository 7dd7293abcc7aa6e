using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary><c>interviewer calibrate INPUT</c>: grades human-scored answers and reports agreement (n, Pearson, Spearman, QWK, MAE).</summary>
internal static class CalibrateCommand
{
    private const int ProgressEvery = 500;

    public static Command Create()
    {
        var input = new Argument<FileInfo>("INPUT") { Description = "Calibration rows, CSV (header row) or JSON Lines: answer, score, max_score?, question_id or question, reference_answer?, rater?." };
        var bankOption = new Option<string?>("--bank", "-b") { Description = "The bank questions are looked up in. Default: the only bank available, if any; questions not found are drafted from reference_answer." };
        var format = CommonOptions.Format("Output format", "table", "json");
        var outOption = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var command = new Command("calibrate", "Grade human-scored answers and report agreement between the grader and the humans.")
        {
            input, bankOption, format, outOption,
        };
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(input)!;
            if (!file.Exists)
            {
                result.Error().WriteLine($"error: {file.FullName} not found.");
                return 1;
            }
            if (!TryGetBank(result, result.GetValue(bankOption), out var bank))
            {
                return 1;
            }

            IReadOnlyList<CalibrationRow> rows;
            IReadOnlyList<CalibrationProblem> readProblems;
            using (var reader = file.OpenText())
            {
                (rows, readProblems) = CalibrationRows.Read(reader, TabularReader.DetectFormat(file.FullName, reader));
            }
            var progress = rows.Count >= 2 * ProgressEvery
                ? new SynchronousProgress(done =>
                {
                    if (done % ProgressEvery == 0)
                    {
                        result.Error().WriteLine($"graded {done}/{rows.Count}");
                    }
                })
                : null;
            var run = await new CalibrationRunner(new KeywordGrader(), bank).RunAsync(rows, progress, ct);
            foreach (var problem in readProblems.Concat(run.Problems).OrderBy(p => p.Line))
            {
                result.Error().WriteLine($"{file.Name}:{problem.Line}: {problem.Message}");
            }

            var report = CalibrationSummary.From(run, bank, readProblems.Count + run.Problems.Count);
            var outFile = result.GetValue(outOption);
            using var writer = outFile is null ? null : new StreamWriter(outFile.FullName);
            var output = writer ?? result.Out();
            if (result.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(report, InterviewerJson.Indented));
            }
            else
            {
                WriteTable(CliOutput.Console(output), report);
            }
            if (outFile is not null)
            {
                result.Error().WriteLine($"report written to {outFile.FullName}");
            }
            return run.Items.Count > 0 ? 0 : 1;
        });
        return command;
    }

    private static bool TryGetBank(ParseResult result, string? bankId, out QuestionBank? bank)
    {
        bank = null;
        if (!string.IsNullOrWhiteSpace(bankId))
        {
            if (BankCatalogLoader.TryLoad(result) is not { } catalog || BankCatalogLoader.TryFindBank(result, catalog, bankId) is not { } found)
            {
                return false;
            }
            bank = found;
            return true;
        }
        // No bank named: use the only one available; rubrics are drafted from reference answers otherwise.
        var (banks, problems) = BankCatalog.LoadAll(result.GetValue(CommonOptions.Rubrics)!.FullName);
        if (problems.Count == 0 && banks.Count == 1)
        {
            bank = banks[0];
            result.Error().WriteLine($"bank: {bank.Id} v{bank.Version}");
        }
        else
        {
            result.Error().WriteLine("bank: none (rubrics are drafted from each row's reference_answer)");
        }
        return true;
    }

    private static void WriteTable(IAnsiConsole console, CalibrationSummary report)
    {
        console.MarkupLine($"grader [bold]{report.Grader}[/], bank {Markup.Escape(report.Bank ?? "none")}, {report.Overall.N} answers graded, {report.Skipped} rows left out, scale {report.ScalePoints} points");
        var table = new Table().AddColumns("", "n", "pearson", "spearman", "qwk", "mae");
        table.AddRow(Row("overall", report.Overall));
        foreach (var question in report.Questions)
        {
            table.AddRow(Row(question.QuestionId + (question.Drafted ? " (drafted)" : string.Empty), question.Agreement));
        }
        console.Write(table);
    }

    private static string[] Row(string label, AgreementStats stats) =>
        [Markup.Escape(label), stats.N.ToString(CultureInfo.InvariantCulture), Format(stats.Pearson), Format(stats.Spearman), Format(stats.Qwk), Format(stats.Mae)];

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

/// <summary>The calibration report as printed: overall agreement and agreement per question.</summary>
internal sealed record CalibrationSummary(string Grader, string? Bank, int Skipped, int ScalePoints, AgreementStats Overall, IReadOnlyList<QuestionAgreement> Questions)
{
    public static CalibrationSummary From(CalibrationRun run, QuestionBank? bank, int skipped)
    {
        var points = run.ScalePoints;
        var questions = run.Items
            .GroupBy(i => i.Question.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var stats = Agreement.Compute(g.Select(i => i.Human).ToList(), g.Select(i => i.Grader).ToList(), points);
                return new QuestionAgreement(g.Key, g.First().Drafted, stats);
            })
            .ToList();
        return new CalibrationSummary(run.Items.FirstOrDefault()?.Grade.Grader ?? "keyword", bank?.Id, skipped, points, run.Overall, questions);
    }
}

/// <summary>Agreement on one question's answers.</summary>
internal sealed record QuestionAgreement(string QuestionId, bool Drafted, AgreementStats Agreement);
