using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Security;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Reports;
using Interviewer.Rubrics.Tabular;
using Microsoft.AspNetCore.Http.Features;
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
    private const string MaxRequestBytesSetting = $"{LimitsOptions.Section}:{nameof(LimitsOptions.MaxRequestBytes)}";
    private const string MaxBatchRowsSetting = $"{LimitsOptions.Section}:{nameof(LimitsOptions.MaxBatchRows)}";

    /// <summary>Maps the grading routes and the <c>/batch</c> page.</summary>
    public static RouteGroupBuilder MapGradingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/grade").WithTags("Grading").RequireReviewer();
        group.MapPost("/", GradeAsync)
            // One Accepts call: routing answers 415 to any content type not listed here.
            .Accepts<GradeBatchRequest>("application/json", "text/csv", "application/x-ndjson", "application/csv", "application/jsonl", "text/plain")
            .Produces<BatchReport>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["text/html", "text/markdown"])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Grade many written answers at once (reviewers).")
            .WithDescription("""
                JSON body { bankId, grader?, items: [{ id?, questionId (or question: exact text), answer, candidate? }] }, or a text/csv upload
                with header id,question_id,answer, or application/x-ndjson (JSON Lines) (?bankId=&grader= in the query). Returns { results: [grade + line + id, or line + id + error], summary }.
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
        IOptions<LimitsOptions> limitsOptions,
        string? bankId,
        string? grader,
        string? format,
        CancellationToken ct)
    {
        var limits = limitsOptions.Value;
        var request = context.Request;
        var reportFormat = ChooseFormat(format, request);
        if (reportFormat is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown format", $"format must be one of {string.Join(", ", BatchReports.Formats)}.");
        }
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return TooLarge(MaxRequestBytesSetting, $"The body is {request.ContentLength:N0} bytes; the limit is {limits.MaxRequestBytes:N0} bytes ({MaxRequestBytesSetting}).");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limits.MaxRequestBytes;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        string body;
        try
        {
            body = await ReadBodyAsync(request, limits.MaxRequestBytes, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(MaxRequestBytesSetting, $"The body is larger than {limits.MaxRequestBytes:N0} bytes ({MaxRequestBytesSetting}).");
        }
        catch (BodyTooLargeException)
        {
            return TooLarge(MaxRequestBytesSetting, $"The body is larger than {limits.MaxRequestBytes:N0} bytes ({MaxRequestBytesSetting}).");
        }

        List<TabularRow> rows;
        if (mediaType is "text/csv" or "application/csv" or "text/plain" or "application/x-ndjson" or "application/jsonl")
        {
            rows = [];
            using var reader = new StringReader(body);
            var tabular = mediaType.Contains("json", StringComparison.Ordinal) ? TabularFormat.JsonLines : TabularFormat.Csv;
            foreach (var row in TabularReader.Read(reader, tabular))
            {
                if (rows.Count == limits.MaxBatchRows)
                {
                    return TooManyRows(limits);
                }
                rows.Add(row);
            }
        }
        else if (mediaType is null or "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            GradeBatchRequest? batch;
            try
            {
                batch = JsonSerializer.Deserialize<GradeBatchRequest>(body, InterviewerJson.Options);
            }
            catch (JsonException e)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid JSON", $"The body is not a valid batch: {e.Message}");
            }
            if (batch?.Items is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid batch", "The body needs 'bankId' and 'items': [{ id?, questionId, answer }].");
            }
            if (batch.Items.Count > limits.MaxBatchRows)
            {
                return TooManyRows(limits);
            }
            bankId = batch.BankId ?? bankId;
            grader = batch.Grader ?? grader;
            rows = batch.Items.Select((item, i) => item.ToRow(i + 1)).ToList();
        }
        else
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send application/json ({{ bankId, items }}), text/csv (header id,question_id,answer) or application/x-ndjson; got '{request.ContentType}'.");
        }

        if (string.IsNullOrWhiteSpace(bankId) && catalog.Banks.Count == 1)
        {
            bankId = catalog.Banks[0].Id;
        }
        if (bankId is null || catalog.Find(bankId) is not { } bank)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown bank",
                $"{(bankId is null ? "Name a bank with 'bankId'" : $"No bank '{bankId}'")}. Banks: {string.Join(", ", catalog.Banks.Select(b => b.Id))}.");
        }
        if (!graders.TryGet(grader, out var chosen))
        {
            var llm = grader is GraderNames.Llm or GraderNames.Dual ? " The LLM graders need Interviewer:Llm:Provider (Interviewer__Llm__Provider) and its settings." : string.Empty;
            return Problem(StatusCodes.Status400BadRequest, "Unknown grader", $"Grader '{grader}' is not configured. Configured: {string.Join(", ", graders.Names)}.{llm}");
        }

        var clock = Stopwatch.StartNew();
        var summary = new BatchSummaryBuilder(bank, chosen.Name);
        var results = new List<BatchResult>(rows.Count);
        try
        {
            var items = BatchReader.Read(rows, bank, limits.MaxAnswerLength);
            await foreach (var result in BatchGrader.GradeAsync(items, bank, chosen, BatchGradingOptions.For(chosen.Name), ct))
            {
                results.Add(result);
                summary.Add(result);
            }
        }
        catch (BatchInputException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Missing columns", e.Message);
        }
        var report = new BatchReport(results, summary.Build(clock.Elapsed));
        if (reportFormat == BatchReports.Json && !string.Equals(format, BatchReports.Json, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(report);
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

    private static async Task<string> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BodyTooLargeException();
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    private static ProblemHttpResult TooManyRows(LimitsOptions limits) =>
        TooLarge(MaxBatchRowsSetting, $"The batch has more than {limits.MaxBatchRows:N0} rows ({MaxBatchRowsSetting}); split it, or use the 'interviewer grade' command line, which has no limit.");

    private static ProblemHttpResult TooLarge(string setting, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large", detail: detail,
            extensions: new Dictionary<string, object?> { ["limit"] = setting });

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private sealed class BodyTooLargeException : Exception;
}

/// <summary>The JSON body of <c>POST /api/grade</c>.</summary>
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
public sealed record GradeBatchItem(string? Id, string? QuestionId, string? Question, string? Answer, string? Candidate)
{
    internal TabularRow ToRow(int position)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = Id,
            ["question_id"] = QuestionId,
            ["question"] = Question,
            ["answer"] = Answer,
            ["candidate"] = Candidate,
        };
        return new TabularRow(position, fields);
    }
}
