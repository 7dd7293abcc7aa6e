using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Storage;

/// <summary>An interview session. <see cref="Version"/> guards against two writers changing it at once.</summary>
public sealed class SessionRow
{
    public string Id { get; set; } = "";
    public string ResumeTokenHash { get; set; } = "";
    public string BankId { get; set; } = "";
    public int BankVersion { get; set; }

    /// <summary>The bank as asked (<see cref="BankSnapshotRow"/>); null only for a session stored before snapshots whose bank was not served when the store was upgraded.</summary>
    public long? BankSnapshotId { get; set; }

    /// <summary>True when the snapshot was attached on upgrade (the bank as served then), not taken when the session started.</summary>
    public bool SnapshotRecovered { get; set; }

    /// <summary>
    /// True when the session shows the bank as served rather than as asked: its snapshot was attached on upgrade, or it has
    /// none yet (stored by an instance of a version before snapshots, during a rolling update).
    /// </summary>
    public bool ShowsBankAsServed() => SnapshotRecovered || BankSnapshotId is null;

    public string Grader { get; set; } = "";
    public int Seed { get; set; }
    public string? CandidateName { get; set; }

    /// <summary><c>practice</c> or <c>assessment</c>.</summary>
    public string Mode { get; set; } = "practice";

    /// <summary>What the candidate sees of grades: <c>none</c>, <c>score</c> or <c>full</c>.</summary>
    public string Feedback { get; set; } = "full";

    /// <summary>The invitation an assessment was started from; null for practice.</summary>
    public string? InvitationId { get; set; }

    /// <summary>The practising candidate (<see cref="CandidateRow"/>) the session belongs to; null for an assessment or an old session.</summary>
    public string? CandidateId { get; set; }

    /// <summary>The planned question ids, one per line, in order.</summary>
    public string Plan { get; set; } = "";

    /// <summary><see cref="SessionStatuses"/>: active, completed or ended.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double? OverallScore { get; set; }
    public long Version { get; set; }
}

/// <summary>A question asked (main or follow-up).</summary>
public sealed class TurnRow
{
    public string SessionId { get; set; } = "";
    public int Number { get; set; }
    public int QuestionIndex { get; set; }
    public string QuestionId { get; set; } = "";
    public bool IsFollowUp { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public bool Skipped { get; set; }
}

/// <summary>An answer, keyed by the client's answer id.</summary>
public sealed class AnswerRow
{
    public string SessionId { get; set; } = "";
    public string AnswerId { get; set; } = "";
    public int TurnNumber { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The instance grading this answer; another may take it over once <see cref="ClaimExpiresAt"/> has passed.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimExpiresAt { get; set; }
}

/// <summary>An answer's grade: what produced it (grader, bank version), how long it took, and the grade's JSON.</summary>
public sealed class GradeRow
{
    public string SessionId { get; set; } = "";
    public string AnswerId { get; set; } = "";
    public string Grader { get; set; } = "";
    public string BankId { get; set; } = "";
    public int BankVersion { get; set; }
    public double Score { get; set; }
    public bool Degraded { get; set; }
    public double LatencyMs { get; set; }
    public string ResultJson { get; set; } = "";
    public DateTimeOffset GradedAt { get; set; }
}

/// <summary>What narrows the reviewers' list of sessions; every part is optional.</summary>
/// <param name="Status">active, completed or ended.</param>
/// <param name="BankId">The bank asked from.</param>
/// <param name="Candidate">Part of the candidate's name, any case.</param>
/// <param name="Mode">practice or assessment.</param>
/// <param name="From">Started at or after.</param>
/// <param name="To">Started before.</param>
public sealed record SessionFilter(string? Status = null, string? BankId = null, string? Candidate = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Mode = null);

/// <summary>An instance's claim on grading an answer, until <see cref="ExpiresAt"/>.</summary>
public sealed record GradingClaim(string Owner, DateTimeOffset ExpiresAt);

/// <summary>A session's status as stored.</summary>
internal static class SessionStatuses
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Ended = "ended";
}

/// <summary>
/// A session as stored: its row, its turns in order, their answers by turn number, the grades by answer id, and the bank
/// it was asked from (its snapshot, or the bank as served for a session stored without one; null when neither exists).
/// </summary>
internal sealed record StoredSession(
    SessionRow Session,
    IReadOnlyList<TurnRow> Turns,
    IReadOnlyDictionary<int, AnswerRow> Answers,
    IReadOnlyDictionary<string, GradeRow> Grades,
    QuestionBank? Bank);
