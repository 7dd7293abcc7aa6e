using System.Text.Json;
using System.Text.Json.Nodes;
using Interviewer.Api.Hosting;
using Interviewer.Api.Input;
using Interviewer.Api.Runs;
using Interviewer.Api.Security;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Calibration.Pipeline;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Calibration;

/// <summary>
/// <c>POST /api/calibrate</c> (reviewer key): calibration rows in — JSON <c>{ bankId?, grader?, items: [...], whatIf?: [...] }</c>
/// or CSV / JSON Lines (<c>?bankId=&amp;grader=&amp;whatIf=s1,s3</c>) — the calibration report out. With a what-if, the report is the
/// agreement after applying those suggestions to a copy of the rubric, with the agreement before beside it. With
/// <c>crossValidate</c>, each answer is graded with the other folds' answers of its question as exemplars; with
/// <c>saveExemplars</c> (and <c>Interviewer:Rubrics:Writable</c>), the rows become the bank's exemplars.
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
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Agreement between a grader and human scores, agreement among the humans, diagnostics and rubric suggestions.")
            .WithDescription("""
                JSON body { bankId?, grader?, items: [ calibration rows ], whatIf?: [ suggestion ids or suggestions ], crossValidate?: K | true,
                exemplars?: N, saveExemplars?: bool }, or text/csv or application/x-ndjson with ?bankId=&grader=&whatIf=s1,s3&crossValidate=K&exemplars=N&saveExemplars=true
                in the query. Names may be camelCase or snake_case. Without a bank (and with several loaded) each row's rubric is drafted from its
                reference_answer. crossValidate grades each answer with the other folds' answers of its question as exemplars (K folds, default 5;
                at most N exemplars each): the agreement to expect on new answers if the rows were the bank's exemplars. saveExemplars imports the
                rows as the bank's exemplars (bank version + 1; 403 unless Interviewer:Rubrics:Writable is true) and adds exemplarsSaved to the
                answer. An unknown bank is 404; an unknown suggestion id 400. The answer is the report with runId first: the run is saved
                (GET /api/runs/{runId}; also in the X-Run-Id and Location headers).
                """);
        return group;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> CalibrateAsync(
        HttpContext context, BankCatalog catalog, GraderRegistry graders, RunStore runs, IOptions<LimitsOptions> limits,
        IOptions<RubricsOptions> rubrics, string? bankId, string? grader, string? whatIf, int? crossValidate, int? exemplars,
        bool? saveExemplars, CancellationToken ct)
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
        if (!TryReadCrossValidation(input, crossValidate, exemplars, out var folds, out var foldsError))
        {
            return ApiProblems.BadRequest("Invalid cross-validation", foldsError!);
        }
        if (folds is not null && wanted.Count > 0)
        {
            return ApiProblems.BadRequest("Invalid cross-validation", "'whatIf' re-grades with the bank's rubric; send it without 'crossValidate'.");
        }
        if (!input.TryFlag("save_exemplars", saveExemplars, out var save))
        {
            return ApiProblems.BadRequest("Invalid saveExemplars", "'saveExemplars' is true or false.");
        }
        if (save && resolution.Bank is null)
        {
            return ApiProblems.BadRequest("Bank needed", "'saveExemplars' writes the rows into a bank: name it with 'bankId'.");
        }
        if (save && !rubrics.Value.Writable)
        {
            return ApiProblems.NotWritable("Import the rows with 'interviewer exemplars import' and deploy the bank's files.");
        }
        if (CalibrationLimits.Check(rows, wanted.Count, max) is { } tooLarge)
        {
            return tooLarge;
        }

        var session = await CalibrationSession.RunAsync(rows, chosen, resolution.Bank, new CalibrationOptions(CrossValidation: folds), ct: ct);
        var saved = save ? await ExemplarSaving.SaveAsync(catalog, rubrics.Value, resolution.Bank!, rows, ct) : null;
        if (wanted.Count == 0)
        {
            return await SavedAsync(context, runs, session, session.Report, saved);
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
        return await SavedAsync(context, runs, session, await session.WhatIfAsync(suggestions, ct), saved);
    }

    /// <summary>Saves the run and answers with the report and the run's id (<c>runId</c>, <c>X-Run-Id</c>, <c>Location</c>).</summary>
    private static async Task<Ok<JsonObject>> SavedAsync(HttpContext context, RunStore runs, CalibrationSession session, CalibrationReport report,
        SavedExemplars? saved)
    {
        var model = session.Answers.Select(a => a.Grade.Model).FirstOrDefault(m => m is not null);
        var runId = await runs.SaveCalibrationAsync(context.User, report.Bank is null ? null : session.Bank, report, model);
        context.Response.Headers[Grading.GradingApi.RunHeader] = runId;
        context.Response.Headers.Location = $"/api/runs/{runId}";
        var body = JsonSerializer.SerializeToNode(report, InterviewerJson.Options)!.AsObject();
        body.Insert(0, "runId", runId);
        if (saved is not null)
        {
            body.Insert(1, "exemplarsSaved", JsonSerializer.SerializeToNode(saved, InterviewerJson.Options));
        }
        return TypedResults.Ok(body);
    }

    /// <summary>Reads <c>crossValidate</c> (a number of folds, or true for the default) and <c>exemplars</c> from the body, else the query.</summary>
    private static bool TryReadCrossValidation(RowsRequest input, int? foldsFromQuery, int? exemplarsFromQuery, out CrossValidation? folds, out string? error)
    {
        folds = null;
        error = null;
        var count = foldsFromQuery;
        if (input.Body("cross_validate") is { } given)
        {
            count = given.ValueKind switch
            {
                JsonValueKind.True => CrossValidation.DefaultFolds,
                JsonValueKind.Number when given.TryGetInt32(out var k) => k,
                JsonValueKind.False or JsonValueKind.Null => null,
                _ => -1,
            };
        }
        if (!input.TryNumber("exemplars", exemplarsFromQuery, out var cap))
        {
            error = "'exemplars' is a whole number: at most this many exemplars per question in cross-validation.";
            return false;
        }
        if (count is null)
        {
            error = cap is null ? null : "'exemplars' sets how many exemplars cross-validation uses; add 'crossValidate'.";
            return cap is null;
        }
        if (count < 2 || cap < 0)
        {
            error = "'crossValidate' is a number of folds, at least 2 (or true for 5), and 'exemplars' a number of 0 or more.";
            return false;
        }
        folds = new CrossValidation(count.Value, cap);
        return true;
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
/// <param name="CrossValidate">A number of folds (or true for 5): grade each answer with the other folds' answers of its question as exemplars.</param>
/// <param name="Exemplars">With <c>crossValidate</c>: at most this many exemplars per question.</param>
/// <param name="SaveExemplars">Also import the rows as the bank's exemplars (needs <c>bankId</c> and <c>Interviewer:Rubrics:Writable</c>).</param>
public sealed record CalibrationRequest(string? BankId, string? Grader, IReadOnlyList<JsonElement>? Items, IReadOnlyList<JsonElement>? WhatIf,
    JsonElement? CrossValidate, int? Exemplars, bool? SaveExemplars);
