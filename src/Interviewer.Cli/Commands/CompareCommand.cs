using System.CommandLine;
using System.Text.Json;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Comparison;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary>
/// <c>interviewer compare A.json B.json</c>: what changed between two grade outputs or two calibration reports (JSON from
/// <c>--format json</c> or from <c>GET /api/runs/{id}?format=json</c>), per question and key point.
/// </summary>
internal static class CompareCommand
{
    private const int UsageError = 2;
    private const int AnswersShown = 50;

    public static Command Create()
    {
        var a = new Argument<FileInfo>("A") { Description = "The earlier run: a grade output ({ results, summary }) or a calibration report, as JSON." };
        var b = new Argument<FileInfo>("B") { Description = "The later run, of the same kind." };
        var format = CommonOptions.Format("Output format", "table", "json", "md");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the comparison to this file instead of standard output." };
        var command = new Command("compare", """
            What changed between two grade outputs or two calibration reports (JSON): the run's figures, per question and per
            key point (coverage, statuses flipped up or down, agreement figures), and for grade runs each answer whose score or
            key-point statuses changed (matched by id, else by line). Changes are B − A.

            Exit codes: 0 compared; 2 usage or input error (file not found, not JSON, not a run, runs of different kinds).
            """)
        {
            a, b, format, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var first = await ReadAsync(result, result.GetValue(a)!, "A", ct);
            var second = first is null ? null : await ReadAsync(result, result.GetValue(b)!, "B", ct);
            if (first is null || second is null)
            {
                return UsageError;
            }
            RunComparison comparison;
            try
            {
                comparison = RunComparer.Compare(first.Value, second.Value);
            }
            catch (FormatException e)
            {
                await result.Error().WriteLineAsync($"error: {e.Message}");
                return UsageError;
            }
            catch (JsonException e)
            {
                await result.Error().WriteLineAsync($"error: a run's JSON does not have the expected shape: {e.Message}");
                return UsageError;
            }

            var outFile = result.GetValue(output);
            outFile?.Directory?.Create();
            await using var file = outFile is null ? null : new StreamWriter(outFile.FullName);
            var writer = file ?? result.Out();
            switch (result.GetValue(format))
            {
                case "json":
                    await writer.WriteLineAsync(JsonSerializer.Serialize(comparison, InterviewerJson.Indented));
                    break;
                case "md":
                    await writer.WriteAsync(ComparisonMarkdown.Write(comparison));
                    break;
                default:
                    WriteTable(CliOutput.Console(writer), comparison);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static async Task<JsonElement?> ReadAsync(ParseResult result, FileInfo file, string name, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await result.Error().WriteLineAsync($"error: {name}: {file.FullName} not found.");
            return null;
        }
        try
        {
            await using var stream = file.OpenRead();
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await result.Error().WriteLineAsync($"error: {name}: {file.Name} is not JSON ({e.Message}); give the output of --format json.");
            return null;
        }
    }

    private static void WriteTable(IAnsiConsole console, RunComparison comparison)
    {
        console.WriteLine($"{comparison.Kind} runs — A: {comparison.A.BankId} v{comparison.A.BankVersion}, {comparison.A.Grader}; B: {comparison.B.BankId} v{comparison.B.BankVersion}, {comparison.B.Grader}");
        var overall = new Table().AddColumns("figure", "A", "B", "change");
        foreach (var figure in comparison.Overall)
        {
            overall.AddRow(Markup.Escape(figure.Name), N(figure.A), N(figure.B), Signed(figure.Delta));
        }
        console.Write(overall);

        var questions = new Table().Title("questions (changed figures)").AddColumns("question", "figure", "A", "B", "change");
        foreach (var question in comparison.Questions)
        {
            foreach (var figure in question.Figures.Where(f => f.Delta is not 0))
            {
                questions.AddRow(Markup.Escape(question.QuestionId), Markup.Escape(figure.Name), N(figure.A), N(figure.B), Signed(figure.Delta));
            }
        }
        console.Write(questions);

        var keyPoints = new Table().Title("key points (changed)").AddColumns("question", "key point", "figure", "A", "B", "change", "up", "down");
        foreach (var point in comparison.KeyPoints)
        {
            foreach (var figure in point.Figures.Where(f => f.Delta is not 0 || point.Up + point.Down > 0))
            {
                keyPoints.AddRow(Markup.Escape(point.QuestionId), Markup.Escape(point.KeyPointId), Markup.Escape(figure.Name), N(figure.A), N(figure.B), Signed(figure.Delta),
                    point.Up.ToString(System.Globalization.CultureInfo.InvariantCulture), point.Down.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        console.Write(keyPoints);

        if (comparison.Kind == "grade")
        {
            console.WriteLine($"{comparison.Answers.Count} answers changed; only in A: {comparison.OnlyInA}, only in B: {comparison.OnlyInB}.");
            var answers = new Table().AddColumns("answer", "question", "A", "B", "change", "statuses");
            foreach (var answer in comparison.Answers.Take(AnswersShown))
            {
                answers.AddRow(Markup.Escape(answer.Id), Markup.Escape(answer.QuestionId ?? ""), N(answer.ScoreA), N(answer.ScoreB), Signed(answer.Delta),
                    Markup.Escape(string.Join("; ", answer.Flips.Select(f => $"{f.KeyPointId}: {f.From} → {f.To}"))));
            }
            console.Write(answers);
            if (comparison.Answers.Count > AnswersShown)
            {
                console.WriteLine($"... and {comparison.Answers.Count - AnswersShown} more (--format json or md lists them).");
            }
        }
    }

    private static string N(double? value) => ComparisonMarkdown.N(value);

    private static string Signed(double? value) => ComparisonMarkdown.Signed(value);
}
