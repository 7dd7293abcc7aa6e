using System.Text;
using System.Text.Json;
using Interviewer.Api.Security;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Pipeline;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Calibration;

/// <summary>
/// <c>POST /api/calibrate</c> (reviewer key): calibration rows in — JSON <c>{ bankId?, grader?, items: [...], whatIf?: [suggestions] }</c>
/// or <c>text/csv</c> (bank and grader as query parameters) — the calibration report out. With <c>whatIf</c>, the report is the
/// agreement after applying those suggestions to a copy of the rubric, with the agreement before beside it.
/// </summary>
public static class CalibrationApi
{
    /// <summary>Maps the calibration route.</summary>
    public static RouteGroupBuilder MapCalibrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calibrate").WithTags("Calibration").RequireReviewer();
        group.MapPost("/", CalibrateAsync)
            .Accepts<CalibrationRequest>("application/json", "text/csv")
            .WithSummary("Agreement between a grader and human scores, agreement among the humans, diagnostics and rubric suggestions.");
        return group;
    }

    private static async Task<Results<Ok<CalibrationReport>, ProblemHttpResult>> CalibrateAsync(
        HttpRequest request, BankCatalog catalog, GraderRegistry graders, IOptions<LimitsOptions> limits, CancellationToken ct)
    {
        var max = limits.Value;
        var (body, tooLarge) = await ReadBodyAsync(request, max.MaxRequestBytes, ct);
        if (tooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body is larger than {max.MaxRequestBytes} bytes (Interviewer:Limits:MaxRequestBytes).");
        }
        var isCsv = request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true;
        CalibrationRequest parsed;
        List<TabularRow> rows;
        if (isCsv)
        {
            parsed = new CalibrationRequest(request.Query["bankId"].FirstOrDefault() ?? request.Query["bank"].FirstOrDefault(), request.Query["grader"].FirstOrDefault(), null, null);
            rows = TabularReader.Read(new StringReader(body), TabularFormat.Csv).ToList();
        }
        else
        {
            try
            {
                parsed = JsonSerializer.Deserialize<CalibrationRequest>(body, InterviewerJson.Options)
                    ?? throw new JsonException("the body is empty");
            }
            catch (JsonException e)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid JSON", $"The body is not a calibration request: {e.Message} Expected {{ \"bankId\"?, \"grader\"?, \"items\": [ rows ], \"whatIf\"?: [ suggestions ] }}, or text/csv.");
            }
            if (parsed.Items is null || parsed.Items.Count == 0)
            {
                return Problem(StatusCodes.Status400BadRequest, "No rows", "'items' must list at least one calibration row.");
            }
            rows = parsed.Items.Select((item, i) => ToRow(i + 1, item)).ToList();
        }
        if (rows.Count > max.MaxBatchRows)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Too many rows", $"{rows.Count} rows; at most {max.MaxBatchRows} per request (Interviewer:Limits:MaxBatchRows).");
        }
        if (rows.Count == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "No rows", "The CSV has a header but no rows.");
        }
        rows = rows.Select(r => r.Get("answer") is { } a && a.Length > max.MaxAnswerLength
            ? r with { Error = $"the answer is {a.Length} characters long; at most {max.MaxAnswerLength} (Interviewer:Limits:MaxAnswerLength)" }
            : r).ToList();

        QuestionBank? bank = null;
        if (!string.IsNullOrWhiteSpace(parsed.BankId))
        {
            bank = catalog.Find(parsed.BankId);
            if (bank is null)
            {
                return Problem(StatusCodes.Status404NotFound, "Bank not found", $"No bank '{parsed.BankId}'. Banks: {string.Join(", ", catalog.Banks.Select(b => b.Id))}.");
            }
        }
        else if (catalog.Banks.Count == 1)
        {
            bank = catalog.Banks[0];
        }
        if (!graders.TryGet(parsed.Grader, out var grader))
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown grader", $"Unknown grader '{parsed.Grader}'. Configured graders: {string.Join(", ", graders.Names)}.");
        }

        var session = await CalibrationSession.RunAsync(rows, grader, bank, ct: ct);
        if (parsed.WhatIf is { Count: > 0 } suggestions)
        {
            return TypedResults.Ok(await session.WhatIfAsync(suggestions, ct));
        }
        return TypedResults.Ok(session.Report);
    }

    private static TabularRow ToRow(int line, JsonElement item)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new TabularRow(line, fields, "expected a JSON object for this item");
        }
        foreach (var property in item.EnumerateObject())
        {
            // API clients send camelCase (questionId); files use snake_case (question_id).
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name.Trim());
            fields[name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => property.Value.GetRawText(),
            };
        }
        return new TabularRow(line, fields);
    }

    private static async Task<(string Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (string.Empty, true);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (string.Empty, true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'), false);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

/// <summary>The JSON body of <c>POST /api/calibrate</c>.</summary>
/// <param name="BankId">The bank; default the only bank, else rubrics are drafted from reference answers.</param>
/// <param name="Grader">The grader (<c>keyword</c> by default).</param>
/// <param name="Items">Calibration rows: <c>{ answerId?, questionId?, question?, referenceAnswer?, answer, score, maxScore?, rater?, keyPoints? }</c>; snake_case names are accepted too, and <c>score_a</c>/<c>score_b</c> columns become raters a and b.</param>
/// <param name="WhatIf">Suggestions to try (from a report's <c>suggestions</c>, or written by hand).</param>
public sealed record CalibrationRequest(string? BankId, string? Grader, IReadOnlyList<JsonElement>? Items, IReadOnlyList<RubricSuggestion>? WhatIf);

