using Interviewer.Api.Storage;

namespace Interviewer.Api.Interviews;

/// <summary>
/// Who reads a message: what of the grades they may see, and whether study material goes with the gaps. A candidate
/// (<paramref name="Candidate"/>) sees a question's key-point texts and study material only once an answer to it has
/// earned credit: an answer with no content ("No lo sé.") shows the score alone, so nothing of the rubric can be
/// collected for free and pasted into the next attempt.
/// </summary>
internal sealed record Audience(FeedbackLevel Feedback, bool Study, bool Candidate)
{
    /// <summary>Reviewers see everything.</summary>
    public static readonly Audience Reviewer = new(FeedbackLevel.Full, Study: true, Candidate: false);

    /// <summary>
    /// The candidate of a session: practice shows the checklist and study material; an assessment shows what its
    /// invitation's feedback allows and never study material.
    /// </summary>
    public static Audience CandidateOf(InterviewSession session) =>
        session.Mode == InterviewMode.Practice
            ? new(FeedbackLevel.Full, Study: true, Candidate: true)
            : new(session.Feedback, Study: false, Candidate: true);

    /// <summary>The feedback this audience gets for a question whose score is <paramref name="questionScore"/>.</summary>
    public FeedbackLevel For(double? questionScore) =>
        Candidate && Feedback == FeedbackLevel.Full && questionScore is not > 0 ? FeedbackLevel.Score : Feedback;
}

/// <summary>Turns the engine's state into the hub's wire records, showing each audience only what it may see.</summary>
internal static class InterviewWire
{
    public static string StatusName(InterviewStatus status) => status switch
    {
        InterviewStatus.Active => SessionStatuses.Active,
        InterviewStatus.Completed => SessionStatuses.Completed,
        _ => SessionStatuses.Ended,
    };

    public static QuestionMessage Question(InterviewSession session, InterviewTurn turn) =>
        new(session.Id, turn.Question.Id, turn.Text, turn.Question.Category, turn.QuestionIndex + 1, session.Plan.Count, turn.IsFollowUp, turn.Number,
            turn.IsFollowUp ? turn.Targets.Select(k => k.Id).ToList() : null);

    public static BankInfo Bank(InterviewSession session) =>
        new(session.Bank.Id, session.Bank.Title, session.Bank.Language, session.Bank.Version);

    /// <summary>
    /// A graded turn as <paramref name="audience"/> may see it: the question score always (unless feedback is none), key
    /// points only with full feedback and, for a candidate, once the question has earned credit.
    /// </summary>
    public static GradedMessage Graded(InterviewSession session, InterviewTurn turn, Audience audience)
    {
        var grade = turn.Grade ?? throw new InvalidOperationException($"Turn {turn.Number} of session {session.Id} is not graded.");
        var (after, before) = session.QuestionScoreAt(turn);
        return audience.For(after) switch
        {
            FeedbackLevel.None => new(session.Id, turn.Answer!.AnswerId, turn.Question.Id, turn.Number, null, null, null, null),
            FeedbackLevel.Score => new(session.Id, turn.Answer!.AnswerId, turn.Question.Id, turn.Number, null, after, Gained(after, before), null),
            _ => new(session.Id, turn.Answer!.AnswerId, turn.Question.Id, turn.Number, grade, after, Gained(after, before),
                turn.Targets.ToDictionary(k => k.Id, k => k.Weight, StringComparer.Ordinal)),
        };
    }

    /// <summary>The summary as <paramref name="audience"/> may see it.</summary>
    public static CompletedMessage Completed(InterviewSession session, Audience audience)
    {
        var summary = InterviewSummary.Summarize(session);
        return audience.Feedback switch
        {
            FeedbackLevel.None => summary with
            {
                OverallScore = null,
                Questions = summary.Questions.Select(q => q with { Score = null, KeyPoints = null }).ToList(),
                Strengths = [],
                Gaps = [],
            },
            FeedbackLevel.Score => summary with
            {
                Questions = summary.Questions.Select(q => q with { KeyPoints = null }).ToList(),
                Gaps = [],
            },
            _ => summary with
            {
                Questions = summary.Questions.Select(q => audience.For(q.Score) == FeedbackLevel.Full ? q : q with { KeyPoints = null }).ToList(),
                Gaps = summary.Gaps
                    .Where(g => audience.For(g.Score) == FeedbackLevel.Full)
                    .Select(g => audience.Study ? g : g with { KeyPoints = g.KeyPoints.Select(k => k with { Study = null }).ToList() })
                    .ToList(),
            },
        };
    }

    public static IReadOnlyList<TranscriptEntry> Transcript(InterviewSession session, Audience audience) =>
        session.Turns.Select(t => new TranscriptEntry(
            t.Number,
            Question(session, t),
            t.Answer is { } a ? new TranscriptAnswer(a.AnswerId, a.Text, a.ReceivedAt) : null,
            t.Grade is null ? null : Graded(session, t, audience),
            t.Skipped)).ToList();

    /// <summary>What <c>ResumeInterview</c> returns to the session's candidate.</summary>
    public static InterviewResumed Resumed(InterviewSession session)
    {
        var audience = Audience.CandidateOf(session);
        return new(session.Id,
            StatusName(session.Status),
            ModeNames.Of(session.Mode),
            ModeNames.Of(session.Feedback),
            Bank(session),
            session.Plan.Count,
            Transcript(session, audience),
            session.Current is { } current ? Question(session, current) : null,
            session.Status == InterviewStatus.Active ? null : Completed(session, audience),
            session.CandidateName);
    }

    private static double Gained(double after, double before) => Math.Round(after - before, 1, MidpointRounding.AwayFromZero);
}
