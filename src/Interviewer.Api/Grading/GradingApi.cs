using System.Diagnostics;
using System.Text;
using Interviewer.Api.Input;
using Interviewer.Api.Runs;
using Interviewer.Api.Security;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interviewer.Api.Grading;

/// <summary>
/// <c>POST /api/grade</c>: batch grading for reviewers. A JSON body <c>{ bankId, grader?, items: [{ id?, questionId, answer }] }</c>
/// or a <c>text/csv</c> upload (<c>?bankId=</c>); the answer is <c>{ results, summary }</c>, or a report file with
/// <c>?format=csv|html|md</c> or an <c>Accept</c> header. Row problems are in the results; limits answer 413 naming the setting.
/// </summary>
public static class GradingApi
{
    /// <summary>The response header naming the saved run (also in <c>Location</c>, and <c>runId</c> in a JSON body).</summary>
    public const string RunHeader = "X-Run-Id";

    /// <summary>Maps the grading routes and the <c>/batch</c> page.</summary>
    public static RouteGroupBuilder MapGradingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/grade").WithTags("Grading").RequireReviewer();
        group.MapPost("/", GradeAsync)
            // One Accepts call: routing answers 415 to any content type not listed here.
            .Accepts<GradeBatchRequest>("application/json", "text/csv", "application/x-ndjson", "application/csv", "application/jsonl", "text/plain")
            .Produces<GradeRunResponse>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["text/html", "text/markdown"])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Grade many written answers at once (reviewers).")
            .WithDescription("""
                JSON body { bankId, grader?, items: [{ id?, questionId (or question: exact text), answer, candidate? }] }, or a text/csv upload
                with header id,question_id,answer, or application/x-ndjson (JSON Lines) (?bankId=&grader= in the query). Names may be camelCase or
                snake_case (questionId = question_id). Returns { runId, results: [grade + line + id, or line + id + error], summary }; the run is saved
                (GET /api/runs/{runId}; also in the X-Run-Id and Location headers). An unknown bank is 404.
                ?format=csv|html|md|json (or Accept: text/csv, text/html, text/markdown) returns that report as a file. A bad row is an error in its
                result, not a failed request. Limits: Interviewer:Limits:MaxRequestBytes (body size), MaxBatchRows (rows), MaxAnswerLength (per answer).
                """);

        // The upload page, at a clean address.
        app.MapGet("/batch", () => TypedResults.PhysicalFile(Path.Combine(Web.WebAssets.RootPath, "batch.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return group;
    }

    private static async Task<IResult> GradeAsync(
        HttpContext context,
        BankCatalog catalog,
        GraderRegistry graders,
        RunStore runs,
        IOptions<LimitsOptions> limitsOptions,
        string? bankId,
        string? grader,
        string? format,
        CancellationToken ct)
    {
        var limits = limitsOptions.Value;
        var reportFormat = ChooseFormat(format, context.Request);
        if (reportFormat is null)
        {
            return ApiProblems.BadRequest("Unknown format", $"format must be one of {string.Join(", ", BatchReports.Formats)}.");
        }
        var (input, problem) = await RowsRequest.ReadAsync(context, limits, ct);
        if (input is null)
        {
            return problem!;
        }
        var resolution = catalog.Resolve(input.Text("bank_id", bankId));
        if (resolution.Bank is not { } bank)
        {
            return ApiProblems.Bank(resolution);
        }
        if (!graders.TryGet(input.Text("grader", grader), out var chosen, out var graderError))
        {
            return ApiProblems.Grader(graderError!);
        }

        var clock = Stopwatch.StartNew();
        var summary = new BatchSummaryBuilder(bank, chosen.Name);
        var results = new List<BatchResult>(input.Rows.Count);
        try
        {
            var items = BatchReader.Read(input.Rows, bank, limits.MaxAnswerLength);
            await foreach (var result in BatchGrader.GradeAsync(items, bank, chosen, BatchGradingOptions.For(chosen.Name), ct))
            {
                results.Add(result);
                summary.Add(result);
            }
        }
        catch (BatchInputException e)
        {
            return ApiProblems.BadRequest("Missing columns", e.Message);
        }
        var report = new BatchReport(results, summary.Build(clock.Elapsed));
        var runId = await runs.SaveGradeAsync(context.User, bank, report);
        context.Response.Headers[RunHeader] = runId;
        context.Response.Headers.Location = $"/api/runs/{runId}";
        if (reportFormat == BatchReports.Json && !string.Equals(format, BatchReports.Json, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(new GradeRunResponse(runId, report.Results, report.Summary));
        }
        return File(reportFormat, bank, report);
    }

    private static FileContentHttpResult File(string format, QuestionBank bank, BatchReport report)
    {
        using var text = new StringWriter();
        BatchReports.WriteAll(format, text, bank, report.Results, report.Summary);
        var extension = format == BatchReports.Markdown ? "md" : format;
        return TypedResults.File(new UTF8Encoding(false).GetBytes(text.ToString()), BatchReports.ContentType(format) + "; charset=utf-8", $"grades.{extension}");
    }

    private static string? ChooseFormat(string? format, HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            var wanted = format.Trim().ToLowerInvariant();
            return BatchReports.Formats.Contains(wanted) ? wanted : null;
        }
        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (BatchReports.FromContentType(accept.MediaType.Value) is { } fromAccept)
            {
                return fromAccept;
            }
        }
        return BatchReports.Json;
    }
}

/// <summary>The JSON body of <c>POST /api/grade</c>, as the OpenAPI document describes it (it is read by <see cref="Input.RowsRequest"/>, so snake_case names work too).</summary>
/// <param name="BankId">The bank the questions are in (optional when only one bank is loaded).</param>
/// <param name="Grader">keyword (default), llm or dual.</param>
/// <param name="Items">The answers to grade.</param>
public sealed record GradeBatchRequest(string? BankId, string? Grader, IReadOnlyList<GradeBatchItem>? Items);

/// <summary>One answer to grade.</summary>
/// <param name="Id">Your id for the answer, echoed in its result.</param>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Question">Or the question's exact text.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Candidate">Who answered (for the reports' per-candidate tables).</param>
public sealed record GradeBatchItem(string? Id, string? QuestionId, string? Question, string? Answer, string? Candidate);
