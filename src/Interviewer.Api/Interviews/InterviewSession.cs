using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Interviews;

/// <summary>Where an interview stands.</summary>
internal enum InterviewStatus
{
    Active,
    Completed,
    Ended,
}

/// <summary>One question asked: a main question or its follow-up, with what it received.</summary>
internal sealed class InterviewTurn
{
    public required int Number { get; init; }
    public required int QuestionIndex { get; init; }
    public required Question Question { get; init; }
    public required bool IsFollowUp { get; init; }
    public required string Text { get; init; }

    /// <summary>The key points this turn is graded on: all of the question's for a main question, the asked ones for a follow-up.</summary>
    public required IReadOnlyList<KeyPoint> Targets { get; init; }

    public required DateTimeOffset AskedAt { get; init; }
    public TurnAnswer? Answer { get; set; }
    public GradeResult? Grade { get; set; }
    public bool Skipped { get; set; }

    public bool AwaitingGrade => Answer is not null && Grade is null;

    /// <summary>
    /// What the grader sees: the question, or for a follow-up its text and its targets only and no exemplars — they are
    /// whole answers to the question, and the question's score keeps its first answer's anchoring.
    /// </summary>
    public Question GradedQuestion => _graded ??= IsFollowUp ? FollowUpQuestions.For(Question, Text, Targets) : Question;

    private Question? _graded;
}

/// <summary>An answer as received.</summary>
internal sealed record TurnAnswer(string AnswerId, string Text, DateTimeOffset ReceivedAt);

/// <summary>What happens after a turn is closed.</summary>
internal abstract record InterviewStep
{
    private InterviewStep()
    {
    }

    /// <summary>Ask this turn next (a follow-up or the next question).</summary>
    public sealed record Ask(InterviewTurn Turn) : InterviewStep;

    /// <summary>Every question has been asked.</summary>
    public sealed record Complete : InterviewStep;
}

/// <summary>
/// The interview engine: a plan of questions, turns, one follow-up per question, skip and end.
/// Plain C#: it changes its own state and says what comes next; storing and sending are the caller's job.
/// </summary>
internal sealed class InterviewSession
{
    public required string Id { get; init; }
    public required string ResumeTokenHash { get; init; }
    public required QuestionBank Bank { get; init; }

    /// <summary>The stored snapshot of <see cref="Bank"/>; set when the session is first stored.</summary>
    public long? BankSnapshotId { get; set; }

    /// <summary>True for a session stored before snapshots, whose bank is the one served when the store was upgraded.</summary>
    public bool SnapshotRecovered { get; init; }

    public required string Grader { get; init; }
    public required int Seed { get; init; }
    public string? CandidateName { get; init; }

    /// <summary>The practising candidate this session belongs to (their progress lists it); null for an assessment.</summary>
    public string? CandidateId { get; init; }
    public InterviewMode Mode { get; init; } = InterviewMode.Practice;
    public FeedbackLevel Feedback { get; init; } = FeedbackLevel.Full;

    /// <summary>The invitation an assessment was started from; null for practice.</summary>
    public string? InvitationId { get; init; }
    public required IReadOnlyList<Question> Plan { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public InterviewStatus Status { get; set; } = InterviewStatus.Active;
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Optimistic-concurrency version of the stored session: bumped by every change.</summary>
    public long Version { get; set; }

    public List<InterviewTurn> Turns { get; } = [];

    /// <summary>The turn awaiting an answer (or its grade); null when the interview is over.</summary>
    public InterviewTurn? Current => Status == InterviewStatus.Active && Turns.Count > 0 ? Turns[^1] : null;

    public InterviewTurn? FindAnswer(string answerId) =>
        Turns.FirstOrDefault(t => t.Answer is { } a && string.Equals(a.AnswerId, answerId, StringComparison.Ordinal));

    /// <summary>Opens the first turn of a new interview.</summary>
    public InterviewTurn Begin(DateTimeOffset now)
    {
        if (Turns.Count > 0)
        {
            throw new InvalidOperationException("The interview has already begun.");
        }
        UpdatedAt = now;
        return AddTurn(0, isFollowUp: false, Plan[0].Text, now);
    }

    /// <summary>Records an answer to the current turn; returns that turn.</summary>
    public InterviewTurn AcceptAnswer(string answerId, string text, DateTimeOffset now)
    {
        var turn = RequireCurrent();
        if (turn.AwaitingGrade)
        {
            throw new InterviewException(InterviewError.Conflict,
                $"the answer '{turn.Answer!.AnswerId}' to turn {turn.Number} is still being graded; wait for its Graded event");
        }
        turn.Answer = new TurnAnswer(answerId, text, now);
        UpdatedAt = now;
        return turn;
    }

    /// <summary>
    /// Records the grade of an answer. When it answers the current turn, the interview moves on: a follow-up
    /// (once per question, when key points are missing), the next question, or completion. Null when already graded.
    /// </summary>
    public InterviewStep? ApplyGrade(string answerId, GradeResult grade, DateTimeOffset now)
    {
        var turn = FindAnswer(answerId) ?? throw new InvalidOperationException($"No answer '{answerId}' in session {Id}.");
        if (turn.Grade is not null)
        {
            return null;
        }
        // A follow-up is graded on its targets only: whatever else a grader reports cannot raise the question.
        turn.Grade = turn.IsFollowUp ? grade with { KeyPoints = grade.KeyPoints.Where(k => turn.Targets.Any(t => t.Id == k.Id)).ToList() } : grade;
        UpdatedAt = now;
        if (!ReferenceEquals(turn, Current))
        {
            return null;
        }
        if (!turn.IsFollowUp && FollowUpTargets(turn.Question, turn.Grade) is [var target] targets)
        {
            var text = string.IsNullOrWhiteSpace(grade.FollowUp) ? target.FollowUp : grade.FollowUp;
            return new InterviewStep.Ask(AddTurn(turn.QuestionIndex, isFollowUp: true, text, now, targets));
        }
        return Advance(turn, now);
    }

    /// <summary>Takes back the current turn's ungraded answer (it could not be graded), so the turn can be answered again; null when there is none.</summary>
    public InterviewTurn? WithdrawAnswer(string answerId)
    {
        if (Current is not { AwaitingGrade: true } turn || !string.Equals(turn.Answer!.AnswerId, answerId, StringComparison.Ordinal))
        {
            return null;
        }
        turn.Answer = null;
        return turn;
    }

    /// <summary>Skips the current turn (a skipped follow-up moves to the next question).</summary>
    public (InterviewTurn Skipped, InterviewStep Next) Skip(DateTimeOffset now)
    {
        var turn = RequireCurrent();
        if (turn.AwaitingGrade)
        {
            throw new InterviewException(InterviewError.Conflict, $"turn {turn.Number} is already answered and is being graded");
        }
        turn.Skipped = true;
        UpdatedAt = now;
        return (turn, Advance(turn, now));
    }

    /// <summary>Ends the interview early. False when it was already over.</summary>
    public bool End(DateTimeOffset now)
    {
        if (Status != InterviewStatus.Active)
        {
            return false;
        }
        Status = InterviewStatus.Ended;
        UpdatedAt = now;
        FinishedAt = now;
        return true;
    }

    /// <summary>The key points a follow-up to this main answer's grade asks about: the heaviest one not covered; none when all are.</summary>
    public static IReadOnlyList<KeyPoint> FollowUpTargets(Question question, GradeResult mainGrade) =>
        Scoring.FollowUpTarget(question, mainGrade.KeyPoints) is { } target ? [target] : [];

    /// <summary>The question's score after <paramref name="turn"/>'s answer, and before it (the rule in <see cref="Scoring.QuestionScore(Question, IEnumerable{GradeResult})"/>).</summary>
    public (double After, double Before) QuestionScoreAt(InterviewTurn turn)
    {
        var graded = Turns.Where(t => t.QuestionIndex == turn.QuestionIndex && t.Grade is not null && t.Number <= turn.Number).ToList();
        var after = Scoring.QuestionScore(turn.Question, graded.Select(t => t.Grade!));
        var before = Scoring.QuestionScore(turn.Question, graded.Where(t => t.Number < turn.Number).Select(t => t.Grade!));
        return (after, before);
    }

    private InterviewStep Advance(InterviewTurn closed, DateTimeOffset now)
    {
        var next = closed.QuestionIndex + 1;
        if (next < Plan.Count)
        {
            return new InterviewStep.Ask(AddTurn(next, isFollowUp: false, Plan[next].Text, now));
        }
        Status = InterviewStatus.Completed;
        FinishedAt = now;
        return new InterviewStep.Complete();
    }

    private InterviewTurn RequireCurrent() =>
        Current ?? throw new InterviewException(InterviewError.Conflict, $"the interview is {Status.ToString().ToLowerInvariant()}");

    private InterviewTurn AddTurn(int questionIndex, bool isFollowUp, string text, DateTimeOffset now, IReadOnlyList<KeyPoint>? targets = null)
    {
        var turn = new InterviewTurn
        {
            Number = Turns.Count + 1,
            QuestionIndex = questionIndex,
            Question = Plan[questionIndex],
            IsFollowUp = isFollowUp,
            Text = text,
            Targets = targets ?? Plan[questionIndex].KeyPoints,
            AskedAt = now,
        };
        Turns.Add(turn);
        return turn;
    }
}
