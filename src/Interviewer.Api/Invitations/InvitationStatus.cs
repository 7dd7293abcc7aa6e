using Interviewer.Api.Storage;

namespace Interviewer.Api.Invitations;

/// <summary>Where an invitation stands, by its wire name: one rule for the list, the revoke route and the hub.</summary>
internal static class InvitationStatus
{
    public const string Pending = "pending";
    public const string Started = "started";
    public const string Completed = "completed";
    public const string Expired = "expired";
    public const string Revoked = "revoked";

    /// <summary>
    /// Revoked before it was used; started while its interview runs; completed once that interview is over (finished or
    /// ended early); expired when nobody started it in time; else pending. A started interview carries on after the expiry.
    /// </summary>
    public static string Of(InvitationRow row, string? sessionStatus, DateTimeOffset now)
    {
        if (row.RevokedAt is not null)
        {
            return Revoked;
        }
        if (row.SessionId is not null)
        {
            return sessionStatus is null || sessionStatus == SessionStatuses.Active ? Started : Completed;
        }
        return row.ExpiresAt <= now ? Expired : Pending;
    }
}
