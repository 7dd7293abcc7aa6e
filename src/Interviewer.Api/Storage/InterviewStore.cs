using System.Globalization;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>
/// The interviews' source of truth. Every change goes through <see cref="StoreWriter"/> and carries the session's
/// version, so a change made from a stale copy (another instance got there first) fails instead of overwriting.
/// </summary>
internal sealed class InterviewStore(InterviewDb db, StoreWriter writer, BankSnapshots snapshots)
{
    /// <summary>True when several instances may share the store (PostgreSQL); a SQLite file has one.</summary>
    public bool IsShared => !db.IsSqlite;

    public async Task InsertAsync(InterviewSession session)
    {
        session.BankSnapshotId ??= await snapshots.IdForAsync(session.Bank);
        var row = SessionRow(session);
        var turns = session.Turns.Select(t => TurnRow(session.Id, t)).ToList();
        await writer.WriteAsync(context =>
        {
            context.Sessions.Add(row);
            context.Turns.AddRange(turns);
        });
    }

    /// <summary>Stores an answer already claimed for grading by <paramref name="claim"/>'s instance.</summary>
    public Task SaveAnswerAsync(InterviewSession session, InterviewTurn turn, GradingClaim claim)
    {
        var answer = new AnswerRow
        {
            SessionId = session.Id,
            AnswerId = turn.Answer!.AnswerId,
            TurnNumber = turn.Number,
            Text = turn.Answer.Text,
            ReceivedAt = turn.Answer.ReceivedAt,
            ClaimedBy = claim.Owner,
            ClaimExpiresAt = claim.ExpiresAt,
        };
        if (writer.HasHotPath)
        {
            return CommitRawAsync(session, (sql, sessionRow, expected) =>
            {
                sql.InsertAnswer(answer);
                sql.UpdateSession(sessionRow, expected);
            });
        }
        return CommitAsync(session, context => context.Answers.Add(answer));
    }

    public Task SaveGradeAsync(InterviewSession session, InterviewTurn graded, InterviewTurn? next, DateTimeOffset now)
    {
        var grade = graded.Grade!;
        var row = new GradeRow
        {
            SessionId = session.Id,
            AnswerId = graded.Answer!.AnswerId,
            Grader = grade.Grader,
            BankId = grade.Bank.Id,
            BankVersion = grade.Bank.Version,
            Score = grade.Score,
            Degraded = grade.Degraded,
            LatencyMs = grade.LatencyMs ?? 0,
            ResultJson = JsonSerializer.Serialize(grade, InterviewerJson.Options),
            GradedAt = now,
        };
        var nextRow = next is null ? null : TurnRow(session.Id, next);
        if (writer.HasHotPath)
        {
            return CommitRawAsync(session, (sql, sessionRow, expected) =>
            {
                sql.InsertGrade(row);
                if (nextRow is not null)
                {
                    sql.InsertTurn(nextRow);
                }
                sql.UpdateSession(sessionRow, expected);
            });
        }
        return CommitAsync(session, context =>
        {
            context.Grades.Add(row);
            if (nextRow is not null)
            {
                context.Turns.Add(nextRow);
            }
        });
    }

    public Task SaveSkipAsync(InterviewSession session, InterviewTurn skipped, InterviewTurn? next)
    {
        var skippedRow = TurnRow(session.Id, skipped);
        var nextRow = next is null ? null : TurnRow(session.Id, next);
        return CommitAsync(session, context =>
        {
            context.Turns.Update(skippedRow);
            if (nextRow is not null)
            {
                context.Turns.Add(nextRow);
            }
        });
    }

    public Task SaveStatusAsync(InterviewSession session) => CommitAsync(session, _ => { });

    public async Task<bool> ExistsAsync(string sessionId)
    {
        await using var context = db.CreateContext();
        return await context.Sessions.AnyAsync(s => s.Id == sessionId);
    }

    /// <summary>Rebuilds a session from the store; null when there is none by that id.</summary>
    public async Task<InterviewSession?> LoadAsync(string sessionId, CancellationToken ct = default)
    {
        await using var context = db.CreateContext();
        var row = await context.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (row is null)
        {
            return null;
        }
        var turns = await context.Turns.AsNoTracking().Where(t => t.SessionId == sessionId).OrderBy(t => t.Number).ToListAsync(ct);
        var answers = await context.Answers.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.TurnNumber, ct);
        var grades = await context.Grades.AsNoTracking().Where(g => g.SessionId == sessionId).ToDictionaryAsync(g => g.AnswerId, StringComparer.Ordinal, ct);
        var bank = row.BankSnapshotId is { } snapshotId ? await snapshots.BankAsync(snapshotId, ct) : snapshots.Served(row.BankId);
        return Rebuild(row, bank, turns, answers, grades);
    }

    /// <summary>
    /// Answers of active interviews stored without a grade whose grading claim has expired (the instance that took them
    /// stopped or gave up): grading work another instance may take over, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<(string SessionId, string AnswerId)>> UnclaimedAnswersAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var active = InterviewWire.StatusName(InterviewStatus.Active);
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

    /// <summary>Removes an answer that could not be graded, so that its turn can be answered again.</summary>
    public Task WithdrawAnswerAsync(InterviewSession session, string answerId) =>
        CommitAsync(session, context => context.Answers.Remove(new AnswerRow { SessionId = session.Id, AnswerId = answerId }));

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
    private async Task CommitAsync(InterviewSession session, Action<InterviewDbContext> apply)
    {
        var row = SessionRow(session);
        var expected = session.Version;
        await StoreConflicts.Guard(session.Id, writer.WriteAsync(context =>
        {
            apply(context);
            var entry = context.Sessions.Update(row);
            entry.Property(s => s.Version).OriginalValue = expected;
            entry.Property(s => s.Version).CurrentValue = expected + 1;
        }));
        session.Version = expected + 1;
    }

    private async Task CommitRawAsync(InterviewSession session, Action<SqliteHotPath, SessionRow, long> apply)
    {
        var row = SessionRow(session);
        var expected = session.Version;
        await StoreConflicts.Guard(session.Id, writer.WriteRawAsync(sql => apply(sql, row, expected)));
        session.Version = expected + 1;
    }

    private static InterviewSession Rebuild(SessionRow row, QuestionBank? snapshot, List<TurnRow> turns, Dictionary<int, AnswerRow> answers, Dictionary<string, GradeRow> grades)
    {
        // Only a session stored before snapshots whose bank is no longer served has none.
        var bank = snapshot ?? new QuestionBank(row.BankId, row.BankId, "en", row.BankVersion, [], []);
        var plan = row.Plan.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => bank.FindQuestion(id) ?? AsAsked(id, turns, answers, grades))
            .ToList();
        var session = new InterviewSession
        {
            Id = row.Id,
            ResumeTokenHash = row.ResumeTokenHash,
            Bank = bank,
            BankSnapshotId = row.BankSnapshotId,
            SnapshotRecovered = row.ShowsBankAsServed(),
            Grader = row.Grader,
            Seed = row.Seed,
            CandidateName = row.CandidateName,
            Mode = ModeNames.ModeOf(row.Mode),
            Feedback = ModeNames.FeedbackOf(row.Feedback) ?? FeedbackLevel.Full,
            InvitationId = row.InvitationId,
            CandidateId = row.CandidateId,
            Plan = plan,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            FinishedAt = row.FinishedAt,
            Status = ParseStatus(row.Status),
            Version = row.Version,
        };
        foreach (var t in turns)
        {
            var turn = new InterviewTurn
            {
                Number = t.Number,
                QuestionIndex = t.QuestionIndex,
                Question = plan[t.QuestionIndex],
                IsFollowUp = t.IsFollowUp,
                Text = t.Text,
                Targets = t.IsFollowUp ? FollowUpTargets(session, t.QuestionIndex) : plan[t.QuestionIndex].KeyPoints,
                AskedAt = t.AskedAt,
                Skipped = t.Skipped,
            };
            if (answers.TryGetValue(t.Number, out var answer))
            {
                turn.Answer = new TurnAnswer(answer.AnswerId, answer.Text, answer.ReceivedAt);
                if (grades.TryGetValue(answer.AnswerId, out var grade))
                {
                    turn.Grade = JsonSerializer.Deserialize<GradeResult>(grade.ResultJson, InterviewerJson.Options);
                }
            }
            session.Turns.Add(turn);
        }
        return session;
    }

    /// <summary>
    /// A question of a session stored before snapshots that left the bank before the upgrade: its text as asked and the
    /// key points its grade recorded. Their weights were not recorded; each counts 1.
    /// </summary>
    private static Question AsAsked(string questionId, List<TurnRow> turns, Dictionary<int, AnswerRow> answers, Dictionary<string, GradeRow> grades)
    {
        var asked = turns.FirstOrDefault(t => t.QuestionId == questionId && !t.IsFollowUp);
        var grade = asked is not null && answers.TryGetValue(asked.Number, out var answer) && grades.TryGetValue(answer.AnswerId, out var row)
            ? JsonSerializer.Deserialize<GradeResult>(row.ResultJson, InterviewerJson.Options)
            : null;
        var keyPoints = (grade?.KeyPoints ?? []).Select(k => new KeyPoint(k.Id, k.Text, 1, [], "")).ToList();
        return new Question(questionId, "", asked?.Text ?? questionId, "", "", keyPoints);
    }

    // A follow-up's targets follow from its main answer's grade, so they are derived again rather than stored.
    private static IReadOnlyList<KeyPoint> FollowUpTargets(InterviewSession session, int questionIndex) =>
        session.Turns.FirstOrDefault(t => t.QuestionIndex == questionIndex && !t.IsFollowUp)?.Grade is { } main
            ? InterviewSession.FollowUpTargets(session.Plan[questionIndex], main)
            : [];

    internal static InterviewStatus ParseStatus(string status) => status switch
    {
        "active" => InterviewStatus.Active,
        "completed" => InterviewStatus.Completed,
        _ => InterviewStatus.Ended,
    };

    private static SessionRow SessionRow(InterviewSession session) => new()
    {
        Id = session.Id,
        ResumeTokenHash = session.ResumeTokenHash,
        BankId = session.Bank.Id,
        BankVersion = session.Bank.Version,
        BankSnapshotId = session.BankSnapshotId,
        SnapshotRecovered = session.SnapshotRecovered && session.BankSnapshotId is not null,
        Grader = session.Grader,
        Seed = session.Seed,
        CandidateName = session.CandidateName,
        Mode = ModeNames.Of(session.Mode),
        Feedback = ModeNames.Of(session.Feedback),
        InvitationId = session.InvitationId,
        CandidateId = session.CandidateId,
        Plan = string.Join('\n', session.Plan.Select(q => q.Id)),
        Status = InterviewWire.StatusName(session.Status),
        CreatedAt = session.CreatedAt,
        UpdatedAt = session.UpdatedAt,
        FinishedAt = session.FinishedAt,
        OverallScore = session.Status == InterviewStatus.Active ? null : InterviewSummary.OverallScore(session),
        Version = session.Version,
    };

    private static TurnRow TurnRow(string sessionId, InterviewTurn turn) => new()
    {
        SessionId = sessionId,
        Number = turn.Number,
        QuestionIndex = turn.QuestionIndex,
        QuestionId = turn.Question.Id,
        IsFollowUp = turn.IsFollowUp,
        Text = turn.Text,
        AskedAt = turn.AskedAt,
        Skipped = turn.Skipped,
    };
}
