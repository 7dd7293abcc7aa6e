using Interviewer.Api.Storage;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Invitations;

/// <summary>An invitation with the status of the interview started from it (null when none was).</summary>
internal sealed record InvitationWithSession(InvitationRow Invitation, string? SessionStatus);

/// <summary>
/// Invitations in the store. Starting one is a single conditional update, so that of two candidates (or two instances)
/// racing with the same link exactly one gets the interview.
/// </summary>
internal sealed class InvitationStore(InterviewDb db, StoreWriter writer)
{
    public Task AddAsync(InvitationRow row) => writer.WriteAsync(context => context.Invitations.Add(row));

    public async Task<InvitationRow?> FindByTokenHashAsync(string tokenHash)
    {
        await using var context = db.CreateContext();
        return await context.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == tokenHash);
    }

    public async Task<InvitationWithSession?> FindAsync(string id, CancellationToken ct)
    {
        if (!StoredIds.CanExist(id))
        {
            return null;
        }
        await using var context = db.CreateContext();
        return (await WithSessions(context, context.Invitations.AsNoTracking().Where(i => i.Id == id)).ToListAsync(ct)).FirstOrDefault();
    }

    /// <summary>Invitations, newest first.</summary>
    public async Task<IReadOnlyList<InvitationWithSession>> ListAsync(int offset, int limit, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var page = context.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(offset).Take(limit);
        var rows = await WithSessions(context, page).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Invitation.CreatedAt).ThenBy(r => r.Invitation.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Gives the invitation to <paramref name="sessionId"/>; false when it was already used, revoked or has expired.</summary>
    public async Task<bool> TryStartAsync(string id, string sessionId, DateTimeOffset now)
    {
        await using var context = db.CreateContext();
        var started = await context.Invitations
            .Where(i => i.Id == id && i.SessionId == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.SessionId, sessionId).SetProperty(i => i.StartedAt, now));
        return started == 1;
    }

    /// <summary>Gives the invitation back when its interview could not be stored, so that the candidate may try again.</summary>
    public async Task ReleaseAsync(string id, string sessionId)
    {
        await using var context = db.CreateContext();
        await context.Invitations
            .Where(i => i.Id == id && i.SessionId == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.SessionId, (string?)null).SetProperty(i => i.StartedAt, (DateTimeOffset?)null));
    }

    /// <summary>Revokes an invitation nobody has started; false when it was started or already revoked meanwhile.</summary>
    public async Task<bool> TryRevokeAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var revoked = await context.Invitations
            .Where(i => i.Id == id && i.SessionId == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedAt, now), ct);
        return revoked == 1;
    }

    private static IQueryable<InvitationWithSession> WithSessions(InterviewDbContext context, IQueryable<InvitationRow> invitations) =>
        from i in invitations
        join s in context.Sessions.AsNoTracking() on i.SessionId equals s.Id into started
        from s in started.DefaultIfEmpty()
        select new InvitationWithSession(i, s == null ? null : s.Status);
}
