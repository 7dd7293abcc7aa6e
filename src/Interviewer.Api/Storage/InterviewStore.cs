using System.Globalization;
using Interviewer.Rubrics.Model;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>
/// The interviews' source of truth, in rows: it knows no interview rules (Interviews maps its sessions to and from these
/// rows). Every change goes through <see cref="StoreWriter"/> and carries the session's version, so a change made from a
/// stale copy (another instance got there first) fails instead of overwriting.
/// </summary>
internal sealed class InterviewStore(InterviewDb db, StoreWriter writer, BankSnapshots snapshots)
{
    /// <summary>True when several instances may share the store (PostgreSQL); a SQLite file has one.</summary>
    public bool IsShared => !db.IsSqlite;

    /// <summary>The stored snapshot of <paramref name="bank"/>, stored the first time it is asked for.</summary>
    public Task<long> SnapshotIdAsync(QuestionBank bank) => snapshots.IdForAsync(bank);

    /// <summary>Stores a new session with its first turns.</summary>
    public Task AddSessionAsync(SessionRow session, IReadOnlyList<TurnRow> turns) => writer.WriteAsync(context =>
    {
        context.Sessions.Add(session);
        context.Turns.AddRange(turns);
    });

    // Each change below is made from the session as it was at session.Version and returns its next version; a change made
    // from an older copy stores nothing and throws StaleSessionException.

    /// <summary>Stores an answer, already claimed for grading by the instance that acknowledges it.</summary>
    public Task<long> AddAnswerAsync(SessionRow session, AnswerRow answer)
    {
        if (writer.HasHotPath)
        {
            return CommitRawAsync(session, (sql, expected) =>
            {
                sql.InsertAnswer(answer);
                sql.UpdateSession(session, expected);
            });
        }
        return CommitAsync(session, context => context.Answers.Add(answer));
    }

    /// <summary>Stores a grade and the turn it leads to (none when the interview is over).</summary>
    public Task<long> AddGradeAsync(SessionRow session, GradeRow grade, TurnRow? next)
    {
        if (writer.HasHotPath)
        {
            return CommitRawAsync(session, (sql, expected) =>
            {
                sql.InsertGrade(grade);
                if (next is not null)
                {
                    sql.InsertTurn(next);
                }
                sql.UpdateSession(session, expected);
            });
        }
        return CommitAsync(session, context =>
        {
            context.Grades.Add(grade);
            if (next is not null)
            {
                context.Turns.Add(next);
            }
        });
    }

    /// <summary>Marks a turn skipped and stores the turn it leads to (none when the interview is over).</summary>
    public Task<long> SkipTurnAsync(SessionRow session, TurnRow skipped, TurnRow? next) => CommitAsync(session, context =>
    {
        context.Turns.Update(skipped);
        if (next is not null)
        {
            context.Turns.Add(next);
        }
    });

    /// <summary>Stores the session's own fields (its status, when it ended).</summary>
    public Task<long> UpdateSessionAsync(SessionRow session) => CommitAsync(session, _ => { });

    /// <summary>Removes an answer that could not be graded, so that its turn can be answered again.</summary>
    public Task<long> RemoveAnswerAsync(SessionRow session, string answerId) =>
        CommitAsync(session, context => context.Answers.Remove(new AnswerRow { SessionId = session.Id, AnswerId = answerId }));

    public async Task<bool> ExistsAsync(string sessionId)
    {
        if (!StoredIds.CanExist(sessionId))
        {
            return false;
        }
        await using var context = db.CreateContext();
        return await context.Sessions.AnyAsync(s => s.Id == sessionId);
    }

    /// <summary>A session's rows and the bank it was asked from; null when there is none by that id.</summary>
    public async Task<StoredSession?> ReadAsync(string sessionId, CancellationToken ct = default) =>
        (await ReadAsync([sessionId], ct)).FirstOrDefault();

    /// <summary>
    /// Sessions' rows and the banks they were asked from, in the order of <paramref name="sessionIds"/>; an id with no
    /// session is left out. One query per table, whatever the number of sessions.
    /// </summary>
    public async Task<IReadOnlyList<StoredSession>> ReadAsync(IReadOnlyCollection<string> sessionIds, CancellationToken ct = default)
    {
        var wanted = sessionIds.Where(StoredIds.CanExist).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        await using var context = db.CreateContext();
        var rows = await context.Sessions.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
        var ids = wanted.Where(rows.ContainsKey).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var turns = (await context.Turns.AsNoTracking().Where(t => ids.Contains(t.SessionId)).OrderBy(t => t.Number).ToListAsync(ct))
            .ToLookup(t => t.SessionId, StringComparer.Ordinal);
        var answers = (await context.Answers.AsNoTracking().Where(a => ids.Contains(a.SessionId)).ToListAsync(ct)).ToLookup(a => a.SessionId, StringComparer.Ordinal);
        var grades = (await context.Grades.AsNoTracking().Where(g => ids.Contains(g.SessionId)).ToListAsync(ct)).ToLookup(g => g.SessionId, StringComparer.Ordinal);
        var banks = await snapshots.BanksAsync(rows.Values.Select(r => r.BankSnapshotId).OfType<long>().ToHashSet(), ct);
        return ids.Select(id =>
        {
            var row = rows[id];
            return new StoredSession(row,
                turns[id].ToList(),
                answers[id].ToDictionary(a => a.TurnNumber),
                grades[id].ToDictionary(g => g.AnswerId, StringComparer.Ordinal),
                row.BankSnapshotId is { } snapshotId ? banks.GetValueOrDefault(snapshotId) : snapshots.Served(row.BankId));
        }).ToList();
    }

    /// <summary>
    /// Answers of active interviews stored without a grade whose grading claim has expired (the instance that took them
    /// stopped or gave up): grading work another instance may take over, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<(string SessionId, string AnswerId)>> UnclaimedAnswersAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        const string active = SessionStatuses.Active;
        var rows = await (
            from a in context.Answers
            join s in context.Sessions on a.SessionId equals s.Id
            where s.Status == active
                && (a.ClaimExpiresAt == null || a.ClaimExpiresAt < now)
                && !context.Grades.Any(g => g.SessionId == a.SessionId && g.AnswerId == a.AnswerId)
            orderby a.ReceivedAt
            select new { a.SessionId, a.AnswerId }).Take(max).ToListAsync(ct);
        return rows.Select(r => (r.SessionId, r.AnswerId)).ToList();
    }

    /// <summary>Claims an ungraded answer whose claim has expired; true when this claim won (exactly one instance grades it).</summary>
    public async Task<bool> TryClaimAsync(string sessionId, string answerId, GradingClaim claim, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var context = db.CreateContext();
        var claimed = await context.Answers
            .Where(a => a.SessionId == sessionId && a.AnswerId == answerId
                && (a.ClaimExpiresAt == null || a.ClaimExpiresAt < now)
                && !context.Grades.Any(g => g.SessionId == a.SessionId && g.AnswerId == a.AnswerId))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedBy, claim.Owner).SetProperty(a => a.ClaimExpiresAt, claim.ExpiresAt), ct);
        return claimed == 1;
    }

    /// <summary>Sessions for reviewers, newest first, narrowed by <paramref name="filter"/>.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(SessionFilter filter, int offset, int limit, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var query = context.Sessions.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Status))
        {
            query = query.Where(s => s.Status == filter.Status);
        }
        if (!string.IsNullOrEmpty(filter.BankId))
        {
            query = query.Where(s => s.BankId == filter.BankId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Candidate))
        {
            var candidate = filter.Candidate.Trim().ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); a culture argument cannot be.
            query = query.Where(s => s.CandidateName != null && s.CandidateName.ToLower().Contains(candidate));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrEmpty(filter.Mode))
        {
            query = query.Where(s => s.Mode == filter.Mode);
        }
        if (filter.From is { } from)
        {
            query = query.Where(s => s.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(s => s.CreatedAt < to);
        }
        return await query.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip(offset).Take(limit).ToListAsync(ct);
    }

    /// <summary>Number of turns asked per session, for the reviewers' list.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TurnCountsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        return await context.Turns.AsNoTracking()
            .Where(t => sessionIds.Contains(t.SessionId))
            .GroupBy(t => t.SessionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The stored version of a session; null when there is none.</summary>
    public async Task<long?> VersionAsync(string sessionId)
    {
        await using var context = db.CreateContext();
        return await context.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (long?)s.Version).FirstOrDefaultAsync();
    }

    // Both write paths move the session's version by one and refuse a change made from an older copy the same way.
    private async Task<long> CommitAsync(SessionRow session, Action<InterviewDbContext> apply)
    {
        var expected = session.Version;
        await StoreConflicts.Guard(session.Id, writer.WriteAsync(context =>
        {
            apply(context);
            var entry = context.Sessions.Update(session);
            entry.Property(s => s.Version).OriginalValue = expected;
            entry.Property(s => s.Version).CurrentValue = expected + 1;
        }));
        return expected + 1;
    }

    private async Task<long> CommitRawAsync(SessionRow session, Action<SqliteHotPath, long> apply)
    {
        var expected = session.Version;
        await StoreConflicts.Guard(session.Id, writer.WriteRawAsync(sql => apply(sql, expected)));
        return expected + 1;
    }
}
