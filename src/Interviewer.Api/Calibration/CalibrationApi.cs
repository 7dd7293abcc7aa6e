using System.Text.Json;
using System.Text.Json.Nodes;
using Interviewer.Api.Input;
using Interviewer.Api.Runs;
using Interviewer.Api.Security;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Pipeline;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Calibration;

/// <summary>
/// <c>POST /api/calibrate</c> (reviewer key): calibration rows in — JSON <c>{ bankId?, grader?, items: [...], whatIf?: [...] }</c>
/// or CSV / JSON Lines (<c>?bankId=&amp;grader=&amp;whatIf=s1,s3</c>) — the calibration report out. With a what-if, the report is the
/// agreement after applying those suggestions to a copy of the rubric, with the agreement before beside it.
/// </summary>
public static class CalibrationApi
{
    /// <summary>Maps the calibration route.</summary>
    public static RouteGroupBuilder MapCalibrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calibrate").WithTags("Calibration").RequireReviewer();
        group.MapPost("/", CalibrateAsync)
            .Accepts<CalibrationRequest>("application/json", "text/csv", "application/x-ndjson", "application/csv", "application/jsonl", "text/plain")
            .Produces<CalibrationReport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Agreement between a grader and human scores, agreement among the humans, diagnostics and rubric suggestions.")
            .WithDescription("""
                JSON body { bankId?, grader?, items: [ calibration rows ], whatIf?: [ suggestion ids or suggestions ] }, or text/csv or
                application/x-ndjson with ?bankId=&grader=&whatIf=s1,s3 in the query. Names may be camelCase or snake_case. Without a bank (and
                with several loaded) each row's rubric is drafted from its reference_answer. An unknown bank is 404; an unknown suggestion id 400.
                The answer is the report with runId first: the run is saved (GET /api/runs/{runId}; also in the X-Run-Id and Location headers).
                """);
        return group;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> CalibrateAsync(
        HttpContext context, BankCatalog catalog, GraderRegistry graders, RunStore runs, IOptions<LimitsOptions> limits,
        string? bankId, string? grader, string? whatIf, CancellationToken ct)
    {
        var max = limits.Value;
        var (input, problem) = await RowsRequest.ReadAsync(context, max, ct);
        if (input is null)
        {
            return problem!;
        }
        if (input.Rows.Count == 0)
        {
            return ApiProblems.BadRequest("No rows", "There are no calibration rows: send 'items' with at least one row, or a header row and rows.");
        }
        var rows = input.Rows.Select(r => r.Get("answer") is { } a && a.Length > max.MaxAnswerLength
            ? r with { Error = $"the answer is {a.Length} characters long; at most {max.MaxAnswerLength} (Interviewer:Limits:MaxAnswerLength)" }
            : r).ToList();

        // No bank named and several loaded: rubrics are drafted from each row's reference answer.
        var resolution = catalog.Resolve(input.Text("bank_id", bankId));
        if (resolution.IsUnknown)
        {
            return ApiProblems.Bank(resolution);
        }
        if (!graders.TryGet(input.Text("grader", grader), out var chosen, out var graderError))
        {
            return ApiProblems.Grader(graderError!);
        }
        if (!TryReadWhatIf(input, whatIf, out var wanted, out var whatIfError))
        {
            return ApiProblems.BadRequest("Invalid what-if", whatIfError!);
        }
        if (CalibrationLimits.Check(rows, wanted.Count, max) is { } tooLarge)
        {
            return tooLarge;
        }

        var session = await CalibrationSession.RunAsync(rows, chosen, resolution.Bank, ct: ct);
        if (wanted.Count == 0)
        {
            return await SavedAsync(context, runs, session, session.Report);
        }
        var suggestions = new List<RubricSuggestion>();
        foreach (var item in wanted)
        {
            if (item.Suggestion is { } given)
            {
                suggestions.Add(given);
            }
            else if (session.Report.Suggestions.FirstOrDefault(s => s.Id == item.Id) is { } found)
            {
                suggestions.Add(found);
            }
            else
            {
                var known = session.Report.Suggestions.Count == 0 ? "none" : string.Join(", ", session.Report.Suggestions.Select(s => s.Id));
                return ApiProblems.BadRequest("Unknown suggestion", $"No suggestion '{item.Id}' in this calibration; it suggests: {known}.");
            }
        }
        return await SavedAsync(context, runs, session, await session.WhatIfAsync(suggestions, ct));
    }

    /// <summary>Saves the run and answers with the report and the run's id (<c>runId</c>, <c>X-Run-Id</c>, <c>Location</c>).</summary>
    private static async Task<Ok<JsonObject>> SavedAsync(HttpContext context, RunStore runs, CalibrationSession session, CalibrationReport report)
    {
        var model = session.Answers.Select(a => a.Grade.Model).FirstOrDefault(m => m is not null);
        var runId = await runs.SaveCalibrationAsync(context.User, report.Bank is null ? null : session.Bank, report, model);
        context.Response.Headers[Grading.GradingApi.RunHeader] = runId;
        context.Response.Headers.Location = $"/api/runs/{runId}";
        var body = JsonSerializer.SerializeToNode(report, InterviewerJson.Options)!.AsObject();
        body.Insert(0, "runId", runId);
        return TypedResults.Ok(body);
    }

    /// <summary>A what-if item: a suggestion id from this calibration's report, or a whole suggestion.</summary>
    private sealed record WhatIfItem(string? Id, RubricSuggestion? Suggestion);

    private static bool TryReadWhatIf(RowsRequest input, string? fromQuery, out List<WhatIfItem> items, out string? error)
    {
        items = [];
        error = null;
        if (input.Body("what_if") is not { } body)
        {
            items.AddRange((fromQuery ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => new WhatIfItem(id, null)));
            return true;
        }
        if (body.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (body.ValueKind != JsonValueKind.Array)
        {
            error = "'whatIf' is a list of suggestion ids (\"s1\") or suggestions ({ id, keyPointId, ... }).";
            return false;
        }
        foreach (var element in body.EnumerateArray())
        {
            try
            {
                items.Add(element.ValueKind == JsonValueKind.String
                    ? new WhatIfItem(element.GetString(), null)
                    : new WhatIfItem(null, element.Deserialize<RubricSuggestion>(InterviewerJson.Options)));
            }
            catch (JsonException e)
            {
                error = $"'whatIf' holds something that is not a suggestion: {e.Message}";
                return false;
            }
        }
        return true;
    }
}

/// <summary>The JSON body of <c>POST /api/calibrate</c>, as the OpenAPI document describes it.</summary>
/// <param name="BankId">The bank; default the only bank, else rubrics are drafted from reference answers.</param>
/// <param name="Grader">The grader (<c>keyword</c> by default).</param>
/// <param name="Items">Calibration rows: <c>{ answerId?, questionId?, question?, referenceAnswer?, answer, score, maxScore?, rater?, keyPoints? }</c>; snake_case names are accepted too, and <c>score_a</c>/<c>score_b</c> columns become raters a and b.</param>
/// <param name="WhatIf">Suggestions to try: ids from this calibration's report (<c>"s1"</c>), or suggestions (from a report's <c>suggestions</c>, or written by hand).</param>
public sealed record CalibrationRequest(string? BankId, string? Grader, IReadOnlyList<JsonElement>? Items, IReadOnlyList<JsonElement>? WhatIf);
