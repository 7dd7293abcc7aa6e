using System.Security.Cryptography;
using Interviewer.Api.Input;
using Interviewer.Api.Interviews;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Invitations;

/// <summary>
/// <c>POST /api/invitations</c>, <c>GET /api/invitations</c>, <c>DELETE /api/invitations/{id}</c>: reviewers invite a
/// candidate to an assessment (design.md, "Modes"). The plan is drawn when the invitation is made, so the candidate gets exactly it.
/// </summary>
public static class InvitationsApi
{
    /// <summary>How long an invitation can be started when <c>expiresAt</c> is not given.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    /// <summary>The latest <c>expiresAt</c> accepted, from now.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    private const int MaxLimit = 500;

    /// <summary>Maps the invitation routes.</summary>
    public static RouteGroupBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/invitations").WithTags("Invitations").RequireReviewer();
        group.MapPost("/", CreateAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Invite a candidate to an assessment: bankId (default bank), questionIds or questionCount (+ categories), grader, feedback (none, score or full; required), candidateName, expiresAt (default 7 days, at most 365). Returns the link once: the token is stored hashed.");
        group.MapGet("/", ListAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Invitations, newest first, with their status (pending, started, completed, expired, revoked) and the session started from each. Optional: offset, limit (1–500, default 100).");
        group.MapDelete("/{id}", RevokeAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revoke an invitation nobody has started: its link then answers forbidden. A started one cannot be revoked (409).");
        return group;
    }

    private static async Task<Results<Created<InvitationCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateInvitationRequest? body, HttpContext context, BankCatalog catalog, GraderRegistry graders, InvitationStore store,
        IOptions<InterviewOptions> interviewOptions, TimeProvider time)
    {
        body ??= new CreateInvitationRequest();
        var options = interviewOptions.Value;
        var resolution = catalog.Resolve(body.BankId, options.DefaultBank);
        if (resolution.Bank is not { } bank)
        {
            return ApiProblems.Bank(resolution);
        }
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var plan = Plan(bank, body, options, seed, errors);
        var grader = graders.TryGet(body.Grader, out var found, out var graderError) ? found.Name : null;
        if (graderError is not null)
        {
            errors["grader"] = [graderError];
        }
        var feedback = ModeNames.FeedbackOf(body.Feedback);
        if (feedback is null)
        {
            errors["feedback"] = [body.Feedback is null
                ? "feedback is required: none (the candidate sees no score), score (scores only) or full (the checklist too)"
                : $"feedback is '{body.Feedback}'; use none, score or full"];
        }
        var name = body.CandidateName?.Trim();
        if (name is { Length: > InterviewService.MaxCandidateNameLength })
        {
            errors["candidateName"] = [$"candidateName is {name.Length} characters; the most is {InterviewService.MaxCandidateNameLength}"];
        }
        var expiresAt = body.ExpiresAt ?? now + DefaultLifetime;
        if (expiresAt <= now)
        {
            errors["expiresAt"] = [$"expiresAt ({expiresAt:O}) has passed; give a later instant"];
        }
        else if (expiresAt > now + MaxLifetime)
        {
            errors["expiresAt"] = [$"expiresAt ({expiresAt:O}) is more than {MaxLifetime.TotalDays:0} days away"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid invitation",
                detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        var token = SecretTokens.New();
        var row = new InvitationRow
        {
            Id = Guid.NewGuid().ToString("N"),
            TokenHash = SecretTokens.Hash(token),
            BankId = bank.Id,
            BankVersion = bank.Version,
            Plan = string.Join('\n', plan!.Select(q => q.Id)),
            Seed = seed,
            Grader = grader!,
            Feedback = ModeNames.Of(feedback!.Value),
            CandidateName = string.IsNullOrEmpty(name) ? null : name,
            CreatedBy = ReviewerIdentity.NameOf(context.User),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await store.AddAsync(row);
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/?invite={token}";
        return TypedResults.Created($"/api/invitations/{row.Id}", new InvitationCreated(row.Id, token, url, Item(row, null, now)));
    }

    /// <summary>The plan the invitation fixes; null (with the reason in <paramref name="errors"/>, by field) when the request cannot give one.</summary>
    private static IReadOnlyList<Question>? Plan(QuestionBank bank, CreateInvitationRequest body, InterviewOptions options, int seed, Dictionary<string, string[]> errors)
    {
        if (body.QuestionIds is { Count: > 0 } ids)
        {
            if (body.QuestionCount is not null || body.Categories is { Count: > 0 })
            {
                errors["questionIds"] = ["give questionIds, or questionCount and categories, not both"];
                return null;
            }
            return Try(() => InterviewPlanner.Chosen(bank, ids, options.MaxQuestionCount), "questionIds", errors);
        }
        var count = body.QuestionCount ?? options.DefaultQuestionCount;
        if (count < 1 || count > options.MaxQuestionCount)
        {
            errors["questionCount"] = [$"questionCount is {count}; it must be from 1 to {options.MaxQuestionCount}"];
            return null;
        }
        return Try(() => InterviewPlanner.Plan(bank, count, body.Categories, seed), "categories", errors);
    }

    private static IReadOnlyList<Question>? Try(Func<IReadOnlyList<Question>> plan, string field, Dictionary<string, string[]> errors)
    {
        try
        {
            return plan();
        }
        catch (InterviewException ex) when (ex.Error == InterviewError.InvalidInput)
        {
            errors[field] = [ex.Detail];
            return null;
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<InvitationItem>>, ProblemHttpResult>> ListAsync(
        InvitationStore store, TimeProvider time, int? offset, int? limit, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest("Invalid query", $"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }
        var now = time.GetUtcNow();
        var rows = await store.ListAsync(offset ?? 0, limit ?? 100, ct);
        IReadOnlyList<InvitationItem> items = rows.Select(r => Item(r.Invitation, r.SessionStatus, now)).ToList();
        return TypedResults.Ok(items);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, InvitationStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await store.FindAsync(id, ct) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Invitation not found", detail: $"No invitation '{id}'.");
        }
        if (found.Invitation.RevokedAt is not null || await store.TryRevokeAsync(id, now, ct))
        {
            return TypedResults.NoContent();
        }
        var again = await store.FindAsync(id, ct);
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Invitation already started",
            detail: $"Invitation '{id}' was started (session {again?.Invitation.SessionId}); a started assessment cannot be revoked.");
    }

    private static InvitationItem Item(InvitationRow row, string? sessionStatus, DateTimeOffset now) => new(
        row.Id,
        InvitationStatus.Of(row, sessionStatus, now),
        row.BankId,
        row.BankVersion,
        row.Plan.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        row.Grader,
        row.Feedback,
        row.CandidateName,
        row.CreatedBy,
        row.CreatedAt,
        row.ExpiresAt,
        row.SessionId,
        row.StartedAt,
        row.RevokedAt);
}
