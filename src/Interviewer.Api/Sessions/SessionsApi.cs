using Interviewer.Api.Interviews;
using Interviewer.Api.Reviews;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Sessions;

/// <summary><c>GET /api/sessions</c> and <c>GET /api/sessions/{id}</c>: interviews and transcripts, for reviewers.</summary>
public static class SessionsApi
{
    private const int MaxLimit = 500;

    /// <summary>Maps the reviewer routes over interview sessions.</summary>
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Sessions").RequireReviewer();
        group.MapGet("/", ListAsync)
            .WithSummary("Interviews, newest first. Optional: status (active, completed, ended), mode (practice, assessment), bank, candidate (part of the name, any case), from and to (ISO 8601 instants: started at or after from, before to), offset, limit (1–500, default 50).");
        group.MapGet("/{id}", GetAsync)
            .WithSummary("One interview: its settings, transcript (questions, answers, grades) and summary.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionListItem>>, ProblemHttpResult>> ListAsync(
        InterviewStore store, string? status, string? mode, string? bank, string? candidate, DateTimeOffset? from, DateTimeOffset? to, int? offset, int? limit, CancellationToken ct)
    {
        if (status is not null and not (SessionStatuses.Active or SessionStatuses.Completed or SessionStatuses.Ended))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
                detail: $"status is '{status}'; use {SessionStatuses.Active}, {SessionStatuses.Completed} or {SessionStatuses.Ended}.");
        }
        if (mode is not null and not (ModeNames.Practice or ModeNames.Assessment))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
                detail: $"mode is '{mode}'; use {ModeNames.Practice} or {ModeNames.Assessment}.");
        }
        if (offset is < 0 || limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
                detail: $"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }
        if (from is { } start && to is { } end && end <= start)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
                detail: $"to ({end:O}) must be later than from ({start:O}).");
        }
        var filter = new SessionFilter(status, string.IsNullOrWhiteSpace(bank) ? null : bank.Trim(), candidate, from, to, mode);
        var rows = await store.ListAsync(filter, offset ?? 0, limit ?? 50, ct);
        var turns = await store.TurnCountsAsync(rows.Select(r => r.Id).ToList(), ct);
        IReadOnlyList<SessionListItem> items = rows.Select(r => new SessionListItem(
            r.Id, r.BankId, r.BankVersion, r.ShowsBankAsServed(), r.Grader, r.CandidateName, r.Status, r.Mode, r.Feedback, r.InvitationId,
            r.Plan.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length,
            turns.GetValueOrDefault(r.Id), r.OverallScore, r.CreatedAt, r.UpdatedAt, r.FinishedAt)).ToList();
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<SessionDetail>, ProblemHttpResult>> GetAsync(string id, InterviewStore store, ReviewStore reviews, CancellationToken ct)
    {
        var session = await store.LoadAsync(id, ct);
        if (session is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Session not found", detail: $"No interview session '{id}'.");
        }
        var summary = InterviewSummary.Summarize(session);
        return TypedResults.Ok(new SessionDetail(
            session.Id,
            InterviewWire.Bank(session),
            session.SnapshotRecovered,
            session.Grader,
            session.Seed,
            session.CandidateName,
            InterviewWire.StatusName(session.Status),
            ModeNames.Of(session.Mode),
            ModeNames.Of(session.Feedback),
            session.InvitationId,
            session.Plan.Select(q => q.Id).ToList(),
            session.CreatedAt,
            session.UpdatedAt,
            session.FinishedAt,
            InterviewWire.Transcript(session, Audience.Reviewer),
            summary,
            await reviews.ForSessionAsync(session.Id, ct)));
    }
}

/// <summary>
/// An interview in the reviewers' list: <c>mode</c> is practice or assessment; an assessment names its <c>invitationId</c> and the
/// <c>feedback</c> its candidate saw; <c>snapshotRecovered</c> as in <see cref="SessionDetail"/>.
/// </summary>
public sealed record SessionListItem(
    string Id,
    string BankId,
    int BankVersion,
    bool SnapshotRecovered,
    string Grader,
    string? CandidateName,
    string Status,
    string Mode,
    string Feedback,
    string? InvitationId,
    int TotalQuestions,
    int Turns,
    double? OverallScore,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// An interview with its transcript, read from the bank as it was asked (the session's snapshot), whatever the bank files
/// say now; <c>snapshotRecovered</c> is true for a session stored before snapshots existed, whose bank is the one served
/// when the store was upgraded. <c>summary</c> is the score so far while it is active; <c>reviews</c> are reviewers'
/// scores by turn.
/// </summary>
public sealed record SessionDetail(
    string Id,
    BankInfo Bank,
    bool SnapshotRecovered,
    string Grader,
    int Seed,
    string? CandidateName,
    string Status,
    string Mode,
    string Feedback,
    string? InvitationId,
    IReadOnlyList<string> Plan,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<TranscriptEntry> Transcript,
    CompletedMessage Summary,
    IReadOnlyList<TurnReview> Reviews);
