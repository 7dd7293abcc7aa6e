using System.Text;
using System.Text.Json;
using Interviewer.Api.Input;
using Interviewer.Api.Interviews;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Reviews;

/// <summary>
/// Reviewers' own scores on answered turns (<c>PUT /api/sessions/{id}/turns/{turn}/review</c>), the review queue
/// (<c>GET /api/reviews/queue</c>) and the export of every review as calibration rows (<c>GET /api/reviews</c>).
/// </summary>
public static class ReviewsApi
{
    private const int MaxLimit = 500;
    private const double MaxScale = 1000;
    private static readonly string[] Statuses = ["covered", "partial", "missing"];

    /// <summary>Maps the review routes.</summary>
    public static RouteGroupBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/sessions").WithTags("Reviews").RequireReviewer()
            .MapPut("/{id}/turns/{turn:int}/review", PutAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record your own score on an answered turn (replaces your earlier one); stored with your reviewer name and the time.");
        var group = app.MapGroup("/api/reviews").WithTags("Reviews").RequireReviewer();
        group.MapGet("/queue", QueueAsync)
            .WithSummary("Answered turns to review: dual-grader disagreements first, then degraded grades, then flagged answers, then the rest; newest first within each. status=unreviewed (default) or all; offset; limit 1–500 (50).");
        group.MapGet("/", ExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson", additionalContentTypes: ["text/csv"])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every review as calibration rows (answer_id, question_id, answer, score, max_score, rater): format=jsonl (default) or csv; bankId to keep one bank's. interviewer calibrate and interviewer exemplars import take the file unchanged.");
        return group;
    }

    private static async Task<Results<Ok<TurnReview>, ProblemHttpResult>> PutAsync(
        string id, int turn, ReviewRequest? body, HttpContext context, InterviewStore sessions, ReviewStore reviews, TimeProvider time, CancellationToken ct)
    {
        var session = await sessions.LoadAsync(id, ct);
        if (session is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Session not found", detail: $"No interview session '{id}'.");
        }
        var asked = session.Turns.FirstOrDefault(t => t.Number == turn);
        if (asked is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Turn not found",
                detail: $"Session '{id}' has no turn {turn}; it has turns 1–{session.Turns.Count}.");
        }
        if (asked.Answer is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Turn not answered",
                detail: $"Turn {turn} of session '{id}' has no answer{(asked.Skipped ? " (it was skipped)" : " yet")}; only answered turns are reviewed.");
        }
        if (Validate(body, asked.Question.KeyPoints.Select(k => k.Id).ToHashSet(StringComparer.Ordinal)) is { } error)
        {
            return ApiProblems.BadRequest("Invalid review", error);
        }
        var maxScore = body!.MaxScore ?? CalibrationRows.DefaultMaxScore;
        var row = new ReviewRow
        {
            SessionId = session.Id,
            TurnNumber = turn,
            Reviewer = ReviewerIdentity.NameOf(context.User),
            Score = body.Score!.Value,
            MaxScore = maxScore,
            KeyPointsJson = body.KeyPoints is { Count: > 0 } verdicts
                ? JsonSerializer.Serialize(verdicts.Select(v => v with { Status = v.Status.Trim().ToLowerInvariant() }), InterviewerJson.Options)
                : null,
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            ReviewedAt = time.GetUtcNow(),
        };
        await reviews.SaveAsync(row);
        return TypedResults.Ok(ReviewStore.ToReview(row));
    }

    private static string? Validate(ReviewRequest? body, HashSet<string> keyPointIds)
    {
        if (body?.Score is not { } score || !double.IsFinite(score))
        {
            return "'score' is required: a number from 0 to maxScore (100 when not given).";
        }
        var max = body.MaxScore ?? CalibrationRows.DefaultMaxScore;
        if (!double.IsFinite(max) || max <= 0 || max > MaxScale)
        {
            return $"'maxScore' is {max}; it must be greater than 0 and at most {MaxScale}.";
        }
        if (score < 0 || score > max)
        {
            return $"'score' is {score}; it must be from 0 to {max} (maxScore).";
        }
        if (body.Note is { Length: > ReviewLimits.MaxNoteLength } note)
        {
            return $"'note' is {note.Length} characters; at most {ReviewLimits.MaxNoteLength}.";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verdict in body.KeyPoints ?? [])
        {
            if (verdict?.Id is null || !keyPointIds.Contains(verdict.Id))
            {
                return $"'keyPoints' names '{verdict?.Id}', which is not a key point of this question; its key points: {string.Join(", ", keyPointIds)}.";
            }
            if (!seen.Add(verdict.Id))
            {
                return $"'keyPoints' names '{verdict.Id}' twice.";
            }
            if (!Statuses.Contains(verdict.Status?.Trim().ToLowerInvariant()))
            {
                return $"'keyPoints' gives '{verdict.Id}' the status '{verdict.Status}'; use covered, partial or missing.";
            }
        }
        return null;
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewQueueItem>>, ProblemHttpResult>> QueueAsync(
        ReviewStore reviews, string? status, int? offset, int? limit, CancellationToken ct)
    {
        if (status is not (null or "unreviewed" or "all"))
        {
            return ApiProblems.BadRequest("Invalid query", $"status is '{status}'; use unreviewed (the default) or all.");
        }
        if (offset is < 0 || limit is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest("Invalid query", $"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }
        return TypedResults.Ok(await reviews.QueueAsync(status != "all", offset ?? 0, limit ?? 50, ct));
    }

    private static async Task<IResult> ExportAsync(ReviewStore reviews, BankCatalog catalog, string? format, string? bankId, CancellationToken ct)
    {
        var wanted = (format ?? "jsonl").Trim().ToLowerInvariant();
        if (wanted is not ("jsonl" or "csv"))
        {
            return ApiProblems.BadRequest("Unknown format", $"format is '{format}'; use jsonl (the default) or csv.");
        }
        if (!string.IsNullOrWhiteSpace(bankId) && catalog.Resolve(bankId) is { IsUnknown: true } unknown)
        {
            return ApiProblems.Bank(unknown);
        }
        var rows = await reviews.ExportAsync(string.IsNullOrWhiteSpace(bankId) ? null : bankId.Trim(), ct);
        using var text = new StringWriter();
        if (wanted == "csv")
        {
            CalibrationRowWriter.WriteCsv(text, rows);
        }
        else
        {
            CalibrationRowWriter.WriteJsonLines(text, rows);
        }
        var contentType = wanted == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        return TypedResults.File(new UTF8Encoding(false).GetBytes(text.ToString()), contentType, $"reviews.{wanted}");
    }
}
