using System.Text.Json;
using Interviewer.Api.Storage;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Grading;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Reviews;

/// <summary>Reviewers' scores: saved through the store's writer, read for transcripts, the queue and the export.</summary>
internal sealed class ReviewStore(InterviewDb db, StoreWriter writer)
{
    /// <summary>Newest answered turns looked at when ordering the queue, so that it stays quick on a large store.</summary>
    public const int QueueScan = 5000;

    /// <summary>
    /// Saves a review, replacing the reviewer's earlier one on the same turn. Another instance saving the same reviewer's
    /// review of the turn at the same moment makes this one a <see cref="StoreConflictException"/>.
    /// </summary>
    public Task SaveAsync(ReviewRow review) => StoreConflicts.GuardRows(
        $"The review of turn {review.TurnNumber} of session '{review.SessionId}' by {review.Reviewer}",
        writer.WriteAsync(context =>
        {
            // This instance's writer is the only one it has, so looking first and then adding races only with another instance.
            var existing = context.Reviews.Find(review.SessionId, review.TurnNumber, review.Reviewer);
            if (existing is null)
            {
                context.Reviews.Add(review);
                return;
            }
            context.Entry(existing).CurrentValues.SetValues(review);
        }));

    public async Task<IReadOnlyList<TurnReview>> ForSessionAsync(string sessionId, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var rows = await context.Reviews.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync(ct);
        return rows.OrderBy(r => r.TurnNumber).ThenBy(r => r.ReviewedAt).Select(ToReview).ToList();
    }

    /// <summary>Answered turns, disagreements first, then degraded grades, then flagged answers, then the rest; newest first within each.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(bool unreviewedOnly, int offset, int limit, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var answered =
            from a in context.Answers.AsNoTracking()
            join t in context.Turns.AsNoTracking() on new { a.SessionId, Number = a.TurnNumber } equals new { t.SessionId, t.Number }
            join s in context.Sessions.AsNoTracking() on a.SessionId equals s.Id
            from g in context.Grades.AsNoTracking().Where(g => g.SessionId == a.SessionId && g.AnswerId == a.AnswerId).DefaultIfEmpty()
            let reviews = context.Reviews.Count(r => r.SessionId == a.SessionId && r.TurnNumber == a.TurnNumber)
            where !unreviewedOnly || reviews == 0
            orderby a.ReceivedAt descending
            select new { a.SessionId, a.TurnNumber, a.AnswerId, a.Text, a.ReceivedAt, s.BankId, s.BankVersion, s.CandidateName, t.QuestionId, Question = t.Text, Grade = g, Reviews = reviews };
        var rows = await answered.Take(QueueScan).ToListAsync(ct);
        return rows
            .Select(r =>
            {
                var grade = r.Grade is null ? null : JsonSerializer.Deserialize<GradeResult>(r.Grade.ResultJson, InterviewerJson.Options);
                var disagreement = grade?.Disagreement == true;
                var degraded = grade?.Degraded == true;
                var flags = grade?.Flags ?? [];
                var reasons = new List<string>();
                if (disagreement)
                {
                    reasons.Add("disagreement");
                }
                if (degraded)
                {
                    reasons.Add("degraded");
                }
                if (flags.Count > 0)
                {
                    reasons.Add("flagged");
                }
                return new ReviewQueueItem(r.SessionId, r.TurnNumber, r.AnswerId, r.BankId, r.BankVersion, r.QuestionId, r.Question, r.Text,
                    r.CandidateName, grade?.Grader, grade?.Score, degraded, disagreement, flags, reasons, r.Reviews, r.ReceivedAt);
            })
            .OrderBy(Priority)
            .ThenByDescending(i => i.AnsweredAt)
            .ThenBy(i => i.SessionId, StringComparer.Ordinal)
            .ThenBy(i => i.Turn)
            .Skip(offset)
            .Take(limit)
            .ToList();
    }

    /// <summary>Every review as a calibration row; the same turn reviewed by several people is one answer with several raters.</summary>
    public async Task<IReadOnlyList<ScoredAnswer>> ExportAsync(string? bankId, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var query =
            from r in context.Reviews.AsNoTracking()
            join a in context.Answers.AsNoTracking() on new { r.SessionId, r.TurnNumber } equals new { a.SessionId, a.TurnNumber }
            join t in context.Turns.AsNoTracking() on new { r.SessionId, Number = r.TurnNumber } equals new { t.SessionId, t.Number }
            join s in context.Sessions.AsNoTracking() on r.SessionId equals s.Id
            where bankId == null || s.BankId == bankId
            select new { r.SessionId, r.TurnNumber, t.QuestionId, a.Text, r.Score, r.MaxScore, r.Reviewer, r.ReviewedAt };
        var rows = await query.ToListAsync(ct);
        return rows
            .OrderBy(r => r.ReviewedAt)
            .ThenBy(r => r.SessionId, StringComparer.Ordinal)
            .ThenBy(r => r.TurnNumber)
            .Select(r => new ScoredAnswer(AnswerId(r.SessionId, r.TurnNumber), r.QuestionId, r.Text, r.Score, r.MaxScore, r.Reviewer))
            .ToList();
    }

    /// <summary>The id an answer has in calibration rows: unique across sessions, the same for every reviewer.</summary>
    public static string AnswerId(string sessionId, int turn) => $"{sessionId}-t{turn}";

    private static int Priority(ReviewQueueItem item) =>
        item.Disagreement ? 0 : item.Degraded ? 1 : item.Flags.Count > 0 ? 2 : 3;

    internal static TurnReview ToReview(ReviewRow row) => new(
        row.TurnNumber,
        row.Reviewer,
        row.Score,
        row.MaxScore,
        Math.Round(row.Score / row.MaxScore * 100, 1),
        row.KeyPointsJson is null ? null : JsonSerializer.Deserialize<IReadOnlyList<KeyPointVerdict>>(row.KeyPointsJson, InterviewerJson.Options),
        row.Note,
        row.ReviewedAt);
}
