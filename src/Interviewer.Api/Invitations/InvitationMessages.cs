namespace Interviewer.Api.Invitations;

/// <summary>
/// The body of <c>POST /api/invitations</c>: the assessment's plan (questionIds, or questionCount drawn from categories),
/// its grader, what the candidate sees of grades (<c>feedback</c>: none, score or full), and when the link stops working.
/// </summary>
public sealed record CreateInvitationRequest(
    string? BankId = null,
    int? QuestionCount = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? QuestionIds = null,
    string? Grader = null,
    string? Feedback = null,
    string? CandidateName = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>What <c>POST /api/invitations</c> returns. The token (and so the link) is shown only here: the store keeps its hash.</summary>
/// <param name="InvitationId">The invitation, for the list and for revoking it.</param>
/// <param name="Token">The secret the candidate starts the assessment with.</param>
/// <param name="Url">The candidate's link: the service's page with <c>?invite=TOKEN</c>.</param>
/// <param name="Invitation">The invitation as the list shows it.</param>
public sealed record InvitationCreated(string InvitationId, string Token, string Url, InvitationItem Invitation);

/// <summary>An invitation in the reviewers' list.</summary>
/// <param name="Id">The invitation id.</param>
/// <param name="Status"><c>pending</c>, <c>started</c>, <c>completed</c>, <c>expired</c> or <c>revoked</c>.</param>
/// <param name="BankId">The bank asked from.</param>
/// <param name="BankVersion">The bank's version when the invitation was made.</param>
/// <param name="QuestionIds">The plan, in the order it is asked.</param>
/// <param name="Grader">The grader that grades the assessment.</param>
/// <param name="Feedback">What the candidate sees of grades: <c>none</c>, <c>score</c> or <c>full</c>.</param>
/// <param name="CandidateName">Who it is for, when given.</param>
/// <param name="CreatedBy">The reviewer who made it.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ExpiresAt">Until when it can be started.</param>
/// <param name="SessionId">The interview started from it; null until started.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="RevokedAt">When it was revoked.</param>
public sealed record InvitationItem(
    string Id,
    string Status,
    string BankId,
    int BankVersion,
    IReadOnlyList<string> QuestionIds,
    string Grader,
    string Feedback,
    string? CandidateName,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? SessionId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? RevokedAt);
