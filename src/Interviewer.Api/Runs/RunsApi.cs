using System.Text;
using System.Text.Json;
using Interviewer.Api.Input;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Comparison;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Reports;
using Interviewer.Rubrics.Reports.Calibration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Runs;

/// <summary>
/// <c>GET /api/runs</c> and <c>GET /api/runs/{id}?format=json|csv|html|md</c>: batch and calibration runs made through the
/// API, and their reports, rendered from the stored run (never by grading again).
/// </summary>
public static class RunsApi
{
    private const int MaxLimit = 200;

    /// <summary>Maps the run routes.</summary>
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs").RequireReviewer();
        group.MapGet("/", ListAsync)
            .WithSummary("Saved batch and calibration runs, newest first: who, when, bank and version, grader, model, rows, summary. kind=grade|calibration; offset; limit 1–200 (50).");
        group.MapGet("/compare", CompareAsync)
            .Produces<RunComparison>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What changed between saved runs a and b (both batch or both calibration): figures overall, per question and per key point, and (batch) the answers whose score or statuses changed. Changes are b − a.");
        group.MapGet("/{id}", GetAsync)
            .Produces<RunDetail>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["text/html", "text/markdown"])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One saved run. Without format: the run and its report as JSON. format=json|csv|html|md downloads the report (a calibration has json, html, md); json is the shape 'interviewer compare' reads.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<RunSummary>>, ProblemHttpResult>> ListAsync(
        RunStore runs, string? kind, int? offset, int? limit, CancellationToken ct)
    {
        if (kind is not (null or RunStore.Grade or RunStore.Calibration))
        {
            return ApiProblems.BadRequest("Invalid query", $"kind is '{kind}'; use grade or calibration.");
        }
        if (offset is < 0 || limit is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest("Invalid query", $"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }
        return TypedResults.Ok(await runs.ListAsync(kind, offset ?? 0, limit ?? 50, ct));
    }

    private static async Task<IResult> GetAsync(string id, string? format, RunStore runs, BankSnapshots snapshots, BankCatalog catalog, CancellationToken ct)
    {
        var run = await runs.FindAsync(id, ct);
        if (run is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"No saved run '{id}'.");
        }
        if (string.IsNullOrWhiteSpace(format))
        {
            return TypedResults.Ok(RunStore.Detail(run));
        }
        var wanted = format.Trim().ToLowerInvariant();
        var formats = run.Kind == RunStore.Grade ? BatchReports.Formats : ["json", "html", "md"];
        if (!formats.Contains(wanted))
        {
            return ApiProblems.BadRequest("Unknown format", $"format is '{format}'; a {run.Kind} run has {string.Join(", ", formats)}.");
        }
        var name = $"{run.Kind}-{run.Id}.{wanted}";
        if (wanted == "json")
        {
            return File(run.ResultJson, "application/json", name);
        }
        if (run.Kind == RunStore.Calibration)
        {
            var report = JsonSerializer.Deserialize<CalibrationReport>(run.ResultJson, InterviewerJson.Options)!;
            return wanted == "html"
                ? File(CalibrationHtml.Write(report), "text/html", name)
                : File(CalibrationMarkdown.Write(report), "text/markdown", name);
        }
        // The reports name questions by the bank's text: the run keeps the grades, its snapshot the wording as graded
        // (a run saved before snapshots takes the bank as served now).
        var bank = run.BankSnapshotId is { } snapshotId ? await snapshots.BankAsync(snapshotId, ct) : catalog.Resolve(run.BankId).Bank;
        if (bank is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Bank not served",
                detail: $"The run graded bank '{run.BankId}', which this service no longer serves; its JSON is still available (format=json).");
        }
        var batch = JsonSerializer.Deserialize<BatchReport>(run.ResultJson, InterviewerJson.Options)!;
        using var text = new StringWriter();
        BatchReports.WriteAll(wanted, text, bank, batch.Results, batch.Summary);
        return File(text.ToString(), BatchReports.ContentType(wanted), name);
    }

    private static async Task<Results<Ok<RunComparison>, ProblemHttpResult>> CompareAsync(string? a, string? b, RunStore runs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return ApiProblems.BadRequest("Invalid query", "Name two runs: ?a=RUN_ID&b=RUN_ID.");
        }
        var first = await runs.FindAsync(a, ct);
        var second = await runs.FindAsync(b, ct);
        if (first is null || second is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"No saved run '{(first is null ? a : b)}'.");
        }
        if (first.Kind != second.Kind)
        {
            return ApiProblems.BadRequest("Different kinds", $"Run '{a}' is a {first.Kind} run and '{b}' a {second.Kind} run; compare two of the same kind.");
        }
        using var documentA = JsonDocument.Parse(first.ResultJson);
        using var documentB = JsonDocument.Parse(second.ResultJson);
        return TypedResults.Ok(RunComparer.Compare(documentA.RootElement, documentB.RootElement));
    }

    private static FileContentHttpResult File(string text, string contentType, string name) =>
        TypedResults.File(new UTF8Encoding(false).GetBytes(text), contentType + "; charset=utf-8", name);
}
