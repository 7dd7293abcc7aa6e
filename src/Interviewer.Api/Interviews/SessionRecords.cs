using System.Text.Json;
using Interviewer.Api.Storage;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Interviews;

/// <summary>Converts a session to the store's rows and back: the one place that knows both shapes.</summary>
internal static class SessionRecords
{
    public static SessionRow Row(InterviewSession session) => new()
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

    public static TurnRow Row(string sessionId, InterviewTurn turn) => new()
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

    public static AnswerRow AnswerRow(string sessionId, InterviewTurn turn, GradingClaim claim) => new()
    {
        SessionId = sessionId,
        AnswerId = turn.Answer!.AnswerId,
        TurnNumber = turn.Number,
        Text = turn.Answer.Text,
        ReceivedAt = turn.Answer.ReceivedAt,
        ClaimedBy = claim.Owner,
        ClaimExpiresAt = claim.ExpiresAt,
    };

    public static GradeRow GradeRow(string sessionId, InterviewTurn graded, DateTimeOffset now)
    {
        var grade = graded.Grade!;
        return new GradeRow
        {
            SessionId = sessionId,
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
    }

    /// <summary>Rebuilds a session from its rows, with the questions of the bank it was asked from.</summary>
    public static InterviewSession Session(StoredSession stored)
    {
        var row = stored.Session;
        // Only a session stored before snapshots whose bank is no longer served has none.
        var bank = stored.Bank ?? new QuestionBank(row.BankId, row.BankId, "en", row.BankVersion, [], []);
        var plan = row.Plan.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => bank.FindQuestion(id) ?? AsAsked(id, stored))
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
            Status = StatusOf(row.Status),
            Version = row.Version,
        };
        foreach (var t in stored.Turns)
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
            if (stored.Answers.TryGetValue(t.Number, out var answer))
            {
                turn.Answer = new TurnAnswer(answer.AnswerId, answer.Text, answer.ReceivedAt);
                if (stored.Grades.TryGetValue(answer.AnswerId, out var grade))
                {
                    turn.Grade = JsonSerializer.Deserialize<GradeResult>(grade.ResultJson, InterviewerJson.Options);
                }
            }
            session.Turns.Add(turn);
        }
        return session;
    }

    private static InterviewStatus StatusOf(string status) => status switch
    {
        SessionStatuses.Active => InterviewStatus.Active,
        SessionStatuses.Completed => InterviewStatus.Completed,
        _ => InterviewStatus.Ended,
    };

    /// <summary>
    /// A question of a session stored before snapshots that left the bank before the upgrade: its text as asked and the
    /// key points its grade recorded. Their weights were not recorded; each counts 1.
    /// </summary>
    private static Question AsAsked(string questionId, StoredSession stored)
    {
        var asked = stored.Turns.FirstOrDefault(t => t.QuestionId == questionId && !t.IsFollowUp);
        var grade = asked is not null && stored.Answers.TryGetValue(asked.Number, out var answer) && stored.Grades.TryGetValue(answer.AnswerId, out var row)
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
}
