using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Reports;
using Interviewer.Rubrics.Tabular;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary>
/// <c>interviewer grade INPUT</c>: grades a CSV or JSON Lines file of written answers, streaming, in parallel, in input order.
/// Exit codes: 0 every row graded; 1 some rows failed (each reported on stderr with its line); 2 usage or input error.
/// </summary>
internal static class GradeCommand
{
    public const int AllGraded = 0;
    public const int SomeRowsFailed = 1;
    public const int InputError = 2;

    /// <summary>Row errors printed on stderr one by one; the rest are counted (every one is in the report).</summary>
    private const int MaxRowErrorsShown = 100;

    private const string LlmProviderVariable = "Interviewer__Llm__Provider";

    public static Command Create()
    {
        var input = new Argument<string>("INPUT")
        {
            Description = "CSV (header 'id,question_id,answer'; 'question' with the exact question text instead of 'question_id'; optional 'candidate') or JSON Lines with the same fields. '-' reads standard input.",
        };
        var bank = new Option<string?>("--bank", "-b") { Description = "The bank the questions are in. Default: the only bank available." };
        var grader = new Option<string?>("--grader", "-g")
        {
            Description = $"The grader ({string.Join("|", GraderNames.All)}). Default: Interviewer__Grader__Default, else keyword. llm and dual need {LlmProviderVariable} and the other Interviewer__Llm__ settings.",
        };
        grader.AcceptOnlyFromAmong([.. GraderNames.All]);
        var format = CommonOptions.Format("Report format: table for people; json and csv round-trip the grades; md; html is one self-contained file", ["table", .. BatchReports.Formats]);
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var maxAnswerLength = new Option<int>("--max-answer-length")
        {
            Description = "Longest answer graded, in characters; longer ones are reported as failed rows.",
            DefaultValueFactory = _ => BatchLimits.DefaultMaxAnswerLength,
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Answers graded at once with llm or dual (the keyword grader uses every core).",
            DefaultValueFactory = _ => 4,
        };

        var repeat = new Option<int>("--repeat")
        {
            Description = "Grade each answer N times and report the spread of scores and key-point statuses (for the llm grader's stability). The report keeps the first grade.",
            DefaultValueFactory = _ => 1,
        };

        var command = new Command("grade", """
            Grade written answers from a CSV or JSON Lines file against a bank's rubrics, and write a report.
            Bad rows (unknown question, empty or too long answer, broken CSV quoting) are reported on stderr with their
            line number and skipped; the rest is graded. A progress bar shows on stderr when it is a terminal (not with --format json).

            Exit codes: 0 every row graded; 1 some rows failed; 2 usage or input error (file not found, unknown bank, missing column, grader not configured).
            """)
        {
            input, bank, grader, format, output, maxAnswerLength, concurrency, repeat,
        };
        command.SetAction((result, ct) => RunAsync(new GradeArguments(
            result.GetValue(input)!, result.GetValue(bank), result.GetValue(grader), result.GetValue(format)!,
            result.GetValue(output), result.GetValue(maxAnswerLength), result.GetValue(concurrency), result.GetValue(repeat)), result, ct));
        return command;
    }

    private sealed record GradeArguments(string Input, string? Bank, string? Grader, string Format, FileInfo? Output, int MaxAnswerLength, int Concurrency, int Repeat);

    private static async Task<int> RunAsync(GradeArguments args, ParseResult result, CancellationToken ct)
    {
        var error = result.Error();
        if (args.MaxAnswerLength < 1 || args.Concurrency < 1 || args.Repeat < 1)
        {
            await error.WriteLineAsync("error: --max-answer-length, --concurrency and --repeat must be at least 1.");
            return InputError;
        }
        if (BankCatalogLoader.TryLoad(result) is not { } catalog ||
            BankCatalogLoader.TryFindBank(result, catalog, args.Bank) is not { } bank)
        {
            return InputError;
        }
        await using var graders = GraderFactory.TryCreate(result);
        if (graders is null || !GraderFactory.TryGetGrader(result, graders, args.Grader, out var grader))
        {
            return InputError;
        }

        Stream inputStream;
        try
        {
            inputStream = args.Input == "-" ? Console.OpenStandardInput() : new FileStream(args.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"error: cannot read INPUT '{args.Input}': {e.Message}");
            return InputError;
        }

        await using (inputStream)
        {
            using var reader = new StreamReader(inputStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var tabularFormat = TabularReader.DetectFormat(args.Input == "-" ? string.Empty : args.Input, reader);
            var (writer, ownsWriter) = OpenOutput(args, result);
            try
            {
                return await GradeAsync(args, result, bank, grader, reader, tabularFormat, inputStream, writer, ct);
            }
            finally
            {
                await writer.FlushAsync(ct);
                if (ownsWriter)
                {
                    await writer.DisposeAsync();
                }
            }
        }
    }

    private static async Task<int> GradeAsync(GradeArguments args, ParseResult result, QuestionBank bank, IAnswerGrader grader,
        TextReader reader, TabularFormat tabularFormat, Stream inputStream, TextWriter writer, CancellationToken ct)
    {
        var error = result.Error();
        var clock = Stopwatch.StartNew();
        var summary = new BatchSummaryBuilder(bank, grader.Name);
        IBatchReportWriter report = args.Format == "table" ? new TableReportWriter(writer) : BatchReports.Create(args.Format, writer, bank);
        var items = BatchReader.Read(TabularReader.Read(reader, tabularFormat), bank, args.MaxAnswerLength);
        var options = BatchGradingOptions.For(grader.Name, args.Concurrency) with { Repeat = args.Repeat };
        var stability = new List<StabilityReport>();
        var shown = 0;
        var held = new List<string>();

        async Task RunAsync(Action<int>? progress)
        {
            await foreach (var row in BatchGrader.GradeAsync(items, bank, grader, options, ct))
            {
                report.Write(row);
                summary.Add(row);
                if (row.Stability is { } spread)
                {
                    stability.Add(spread);
                }
                if (row.Error is not null && shown++ < MaxRowErrorsShown)
                {
                    var message = $"line {row.Line}{(row.Id is null ? string.Empty : $" (id {row.Id})")}: {row.Error}";
                    // Under the live progress bar, messages wait until it is gone.
                    if (progress is null)
                    {
                        await error.WriteLineAsync(message);
                    }
                    else
                    {
                        held.Add(message);
                    }
                }
                if (progress is not null && summary.Rows % 1000 == 0)
                {
                    progress(summary.Rows);
                }
            }
        }

        try
        {
            if (ShowProgress(args, result, inputStream))
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("grading", maxValue: Math.Max(1, inputStream.Length));
                        await RunAsync(rows =>
                        {
                            task.Value = Math.Min(inputStream.Position, inputStream.Length);
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"grading: {rows:N0} rows");
                        });
                        task.Value = task.MaxValue;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"graded: {summary.Rows:N0} rows");
                    });
            }
            else
            {
                await RunAsync(null);
            }
        }
        catch (BatchInputException e)
        {
            await error.WriteLineAsync($"error: {args.Input}: {e.Message}");
            return InputError;
        }

        foreach (var message in held)
        {
            await error.WriteLineAsync(message);
        }
        var totals = summary.Build(clock.Elapsed);
        report.Complete(totals);
        if (shown > MaxRowErrorsShown)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {shown - MaxRowErrorsShown:N0} more rows not graded (every one is in the report)."));
        }
        if (args.Format != "table")
        {
            await error.WriteLineAsync(OneLineSummary(totals));
        }
        if (args.Repeat > 1)
        {
            var spread = RepeatStability.Summarize(stability);
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"repeat {args.Repeat}: {spread.StableAnswers:N0} of {spread.Answers:N0} answers graded the same every time; mean score std dev {spread.MeanStdDev:0.##}, worst range {spread.WorstRange:0.#}, {spread.DegradedRuns:N0} degraded runs."));
        }
        if (totals.Rows == 0)
        {
            await error.WriteLineAsync($"error: {args.Input} has no rows: expected a header row 'id,question_id,answer' and one row per answer, or JSON Lines.");
            return InputError;
        }
        return totals.Failed > 0 ? SomeRowsFailed : AllGraded;
    }

    internal static string OneLineSummary(BatchSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"graded {s.Graded:N0} of {s.Rows:N0} rows in {s.ElapsedSeconds:0.###} s ({s.AnswersPerSecond:N0} answers/s); " +
        $"mean {s.MeanScore?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—"}, median {s.MedianScore?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—"}; " +
        $"{s.Failed:N0} failed, {s.Degraded:N0} degraded, {s.Flagged:N0} flagged.");

    private static bool ShowProgress(GradeArguments args, ParseResult result, Stream input) =>
        args.Format != BatchReports.Json
        && ReferenceEquals(result.Error(), Console.Error)
        && !Console.IsErrorRedirected
        && input.CanSeek
        && (args.Output is not null || Console.IsOutputRedirected);

    private static (TextWriter Writer, bool Owns) OpenOutput(GradeArguments args, ParseResult result)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (args.Output is { } file)
        {
            file.Directory?.Create();
            return (new StreamWriter(new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), utf8, 1 << 16), true);
        }
        // The console's writer flushes on every write: take the raw stream behind it, buffered.
        return ReferenceEquals(result.Out(), Console.Out)
            ? (new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16), true)
            : (result.Out(), false);
    }
}
