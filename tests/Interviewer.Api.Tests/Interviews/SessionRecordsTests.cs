using Interviewer.Api.Interviews;
using Interviewer.Api.Storage;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>A session written as the store's rows and read back from them.</summary>
public sealed class SessionRecordsTests
{
    private static readonly QuestionBank Bank = BankCatalog.Load(LiveApps.FixtureRubrics).Find("test-bank")!;
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Session_ReadBackFromItsRows_HasItsTurnsAnswersGradesAndFollowUpTargets()
    {
        var session = AnsweredWithAFollowUpPending();

        var rebuilt = SessionRecords.Session(Stored(session, Bank));

        Assert.Equal("s1", rebuilt.Id);
        Assert.Equal(7, rebuilt.Version);
        Assert.Equal(InterviewStatus.Active, rebuilt.Status);
        Assert.Equal(InterviewMode.Assessment, rebuilt.Mode);
        Assert.Equal(FeedbackLevel.Score, rebuilt.Feedback);
        Assert.Equal(["beta-one", "alpha-two"], rebuilt.Plan.Select(q => q.Id));
        Assert.Equal([1, 2], rebuilt.Turns.Select(t => t.Number));
        Assert.Equal("bananas are berries", rebuilt.Turns[0].Answer!.Text);
        Assert.Equal(50, rebuilt.Turns[0].Grade!.Score);
        Assert.True(rebuilt.Turns[1].IsFollowUp);
        Assert.Equal("Where do grapes grow?", rebuilt.Turns[1].Text);
        Assert.Equal(["beta-one-grapes"], rebuilt.Turns[1].Targets.Select(k => k.Id));
        Assert.True(rebuilt.Current!.AwaitingGrade);
    }

    [Fact]
    public void Session_WhoseBankIsGone_AsksItsQuestionsAsStoredWithTheKeyPointsItsGradeRecorded()
    {
        var session = AnsweredWithAFollowUpPending();

        var rebuilt = SessionRecords.Session(Stored(session, bank: null));

        var question = rebuilt.Plan[0];
        Assert.Equal("beta-one", question.Id);
        Assert.Equal("Compare bananas and grapes.", question.Text);
        Assert.Equal(["beta-one-bananas", "beta-one-grapes"], question.KeyPoints.Select(k => k.Id));
        Assert.All(question.KeyPoints, k => Assert.Equal(1, k.Weight));
        Assert.Equal("alpha-two", rebuilt.Plan[1].Text); // never asked: only its id is known
    }

    [Fact]
    public void Row_StoresTheStatusName_AndTheSummarysOverallScoreOnceTheSessionIsOver()
    {
        var session = AnsweredWithAFollowUpPending();
        var active = SessionRecords.Row(session);
        session.End(Now);

        var row = SessionRecords.Row(session);

        Assert.Equal(SessionStatuses.Active, active.Status);
        Assert.Null(active.OverallScore);
        Assert.Equal(SessionStatuses.Ended, row.Status);
        Assert.Equal("assessment", row.Mode);
        Assert.Equal("score", row.Feedback);
        Assert.Equal("beta-one\nalpha-two", row.Plan);
        Assert.Equal(InterviewSummary.OverallScore(session), row.OverallScore);
    }

    /// <summary>Turn 1 answered and graded half (grapes missing), turn 2 its follow-up, answered and not graded yet.</summary>
    private static InterviewSession AnsweredWithAFollowUpPending()
    {
        var session = new InterviewSession
        {
            Id = "s1",
            ResumeTokenHash = "hash",
            Bank = Bank,
            Grader = GraderNames.Keyword,
            Seed = 1,
            Mode = InterviewMode.Assessment,
            Feedback = FeedbackLevel.Score,
            Plan = [Bank.FindQuestion("beta-one")!, Bank.FindQuestion("alpha-two")!],
            CreatedAt = Now,
            Version = 7,
        };
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas are berries", Now);
        var keyPoints = first.Question.KeyPoints
            .Select((k, i) => new KeyPointGrade(k.Id, k.Text, i == 0 ? KeyPointStatus.Covered : KeyPointStatus.Missing, i == 0 ? 1 : 0, []))
            .ToList();
        session.ApplyGrade("a1", new GradeResult(first.Question.Id, 50, GraderNames.Keyword, false, Bank.Ref, keyPoints, null, "", []), Now);
        session.AcceptAnswer("a2", "on vines", Now);
        return session;
    }

    private static StoredSession Stored(InterviewSession session, QuestionBank? bank)
    {
        var answered = session.Turns.Where(t => t.Answer is not null).ToList();
        return new StoredSession(
            SessionRecords.Row(session),
            session.Turns.Select(t => SessionRecords.Row(session.Id, t)).ToList(),
            answered.ToDictionary(t => t.Number, t => SessionRecords.AnswerRow(session.Id, t, new GradingClaim("test", Now))),
            answered.Where(t => t.Grade is not null).ToDictionary(t => t.Answer!.AnswerId, t => SessionRecords.GradeRow(session.Id, t, Now)),
            bank);
    }
}
