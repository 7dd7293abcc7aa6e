using Interviewer.Api.Invitations;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;

namespace Interviewer.Api.Interviews;

internal sealed partial class InterviewService
{
    /// <summary>
    /// Starts the assessment an invitation describes: its plan, grader and feedback, the seed drawn when it was made.
    /// One attempt: the invitation is taken in the store before the session is written, so a second start is refused.
    /// </summary>
    private async Task<HubOutcome<InterviewStarted>> StartAssessmentAsync(string invitationToken, string connectionId)
    {
        if (await invitations.FindByTokenHashAsync(SecretTokens.Hash(invitationToken)) is not { } invitation)
        {
            throw new InterviewException(InterviewError.NotFound, "no invitation with this token; ask the reviewer who sent it for a new link");
        }
        var now = time.GetUtcNow();
        RequireOpen(invitation, InvitationStatus.Of(invitation, null, now));

        var bank = catalog.Find(invitation.BankId)
            ?? throw new InterviewException(InterviewError.Conflict, $"the invitation's bank '{invitation.BankId}' is no longer served; ask the reviewer for a new invitation");
        var plan = invitation.Plan.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => bank.FindQuestion(id)
                ?? throw new InterviewException(InterviewError.Conflict, $"the invitation asks question '{id}', which bank '{bank.Id}' no longer has; ask the reviewer for a new invitation"))
            .ToList();
        if (!graders.TryGet(invitation.Grader, out var grader))
        {
            throw new InterviewException(InterviewError.Unavailable, $"the invitation's grader is not available: {graders.NotAvailable(invitation.Grader)}");
        }

        var token = SecretTokens.New();
        var session = new InterviewSession
        {
            Id = Guid.NewGuid().ToString("N"),
            ResumeTokenHash = SecretTokens.Hash(token),
            Bank = bank,
            Grader = grader.Name,
            Seed = invitation.Seed,
            CandidateName = invitation.CandidateName,
            Mode = InterviewMode.Assessment,
            Feedback = ModeNames.FeedbackOf(invitation.Feedback) ?? FeedbackLevel.None,
            InvitationId = invitation.Id,
            Plan = plan,
            CreatedAt = now,
        };
        if (!await invitations.TryStartAsync(invitation.Id, session.Id, now))
        {
            // Someone else started it, it was revoked, or it expired, since it was read.
            var current = await invitations.FindByTokenHashAsync(invitation.TokenHash);
            RequireOpen(current!, InvitationStatus.Of(current!, null, now));
            throw new InterviewException(InterviewError.Conflict, "this invitation has just been used");
        }
        try
        {
            return await BeginAsync(session, token, connectionId);
        }
        catch
        {
            await invitations.ReleaseAsync(invitation.Id, session.Id);
            throw;
        }
    }

    private static void RequireOpen(InvitationRow invitation, string status)
    {
        switch (status)
        {
            case InvitationStatus.Revoked:
                throw new InterviewException(InterviewError.Forbidden, "this invitation was revoked");
            case InvitationStatus.Expired:
                throw new InterviewException(InterviewError.Forbidden, $"this invitation expired at {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
            case InvitationStatus.Started or InvitationStatus.Completed:
                throw new InterviewException(InterviewError.Conflict,
                    "this invitation has already been used: an assessment is taken once; to carry on, call ResumeInterview with the session's resume token");
        }
    }
}
