namespace Interviewer.Api.Interviews;

/// <summary>Turns the engine's state into the hub's wire records.</summary>
internal static class InterviewWire
{
    public static string StatusName(InterviewStatus status) => status switch
    {
        InterviewStatus.Active => "active",
        InterviewStatus.Completed => "completed",
        _ => "ended",
    };

    public static QuestionMessage Question(InterviewSession session, InterviewTurn turn) =>
        new(session.Id, turn.Question.Id, turn.Text, turn.Question.Category, turn.QuestionIndex + 1, session.Plan.Count, turn.IsFollowUp, turn.Number);

    public static BankInfo Bank(InterviewSession session) =>
        new(session.Bank.Id, session.Bank.Title, session.Bank.Language, session.Bank.Version);

    public static IReadOnlyList<TranscriptEntry> Transcript(InterviewSession session) =>
        session.Turns.Select(t => new TranscriptEntry(
            t.Number,
            Question(session, t),
            t.Answer is { } a ? new TranscriptAnswer(a.AnswerId, a.Text, a.ReceivedAt) : null,
            t.Grade,
            t.Skipped)).ToList();

    public static InterviewResumed Resumed(InterviewSession session) =>
        new(session.Id,
            StatusName(session.Status),
            Transcript(session),
            session.Current is { } current ? Question(session, current) : null,
            session.Status == InterviewStatus.Active ? null : InterviewSummary.Summarize(session));
}
