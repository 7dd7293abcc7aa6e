using Interviewer.Api.Interviews;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Tests.Interviews;

public sealed class InterviewEngineTests
{
    private static readonly QuestionBank Bank = BankCatalog.Load(LiveApps.FixtureRubrics).Find("test-bank")!;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_WithTheSameSeed_IsTheSame()
    {
        var first = InterviewPlanner.Plan(Bank, 3, null, seed: 42).Select(q => q.Id);
        var second = InterviewPlanner.Plan(Bank, 3, null, seed: 42).Select(q => q.Id);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Plan_OverManySeeds_ShufflesTheOrder()
    {
        var orders = Enumerable.Range(0, 20).Select(seed => string.Join(',', InterviewPlanner.Plan(Bank, 3, null, seed).Select(q => q.Id))).ToHashSet();

        Assert.True(orders.Count > 1);
    }

    [Fact]
    public void Plan_WithoutCategories_DrawsFromDefaultCategoriesWithoutRepeatsOrFaq()
    {
        var plan = InterviewPlanner.Plan(Bank, 50, null, seed: 7);

        Assert.Equal(3, plan.Count);
        Assert.Equal(plan.Count, plan.Select(q => q.Id).Distinct().Count());
        Assert.DoesNotContain(plan, q => q.Category == "faq");
    }

    [Fact]
    public void Plan_WithFaqAsked_IncludesFaq()
    {
        var plan = InterviewPlanner.Plan(Bank, 5, ["faq", "beta"], seed: 1);

        Assert.Equal(["beta-one", "faq-one"], plan.Select(q => q.Id).Order());
    }

    [Fact]
    public void Plan_WithUnknownCategory_IsInvalidInputNamingIt()
    {
        var ex = Assert.Throws<InterviewException>(() => InterviewPlanner.Plan(Bank, 2, ["alpha", "gamma"], seed: 1));

        Assert.Equal(InterviewError.InvalidInput, ex.Error);
        Assert.Contains("'gamma'", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid_input:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WithNoQuestions_IsInvalidInput()
    {
        var ex = Assert.Throws<InterviewException>(() => InterviewPlanner.Plan(Bank, 0, null, seed: 1));

        Assert.Equal(InterviewError.InvalidInput, ex.Error);
    }

    [Fact]
    public void ApplyGrade_WithKeyPointsMissing_AsksOneFollowUpThenMovesOn()
    {
        var session = NewSession("beta-one", "alpha-two");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas", Now);

        var step = session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Missing), Now);

        var followUp = Assert.IsType<InterviewStep.Ask>(step).Turn;
        Assert.True(followUp.IsFollowUp);
        Assert.Equal("Where do grapes grow?", followUp.Text);
        Assert.Equal(first.QuestionIndex, followUp.QuestionIndex);
        Assert.Equal(["beta-one-grapes"], followUp.Targets.Select(k => k.Id));

        session.AcceptAnswer("a2", "still nothing", Now);
        var next = session.ApplyGrade("a2", Grade(followUp.GradedQuestion, KeyPointStatus.Missing), Now);

        var nextTurn = Assert.IsType<InterviewStep.Ask>(next).Turn;
        Assert.False(nextTurn.IsFollowUp);
        Assert.Equal("alpha-two", nextTurn.Question.Id);
        Assert.Equal(3, nextTurn.Number);
    }

    [Fact]
    public void ApplyGrade_WithEveryKeyPointCovered_MovesToTheNextQuestion()
    {
        var session = NewSession("beta-one", "alpha-two");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas grapes", Now);

        var step = session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Covered), Now);

        Assert.Equal("alpha-two", Assert.IsType<InterviewStep.Ask>(step).Turn.Question.Id);
    }

    [Fact]
    public void ApplyGrade_OfTheLastQuestion_CompletesTheInterview()
    {
        var session = NewSession("alpha-two");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "cherries", Now);

        var step = session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered), Now);

        Assert.IsType<InterviewStep.Complete>(step);
        Assert.Equal(InterviewStatus.Completed, session.Status);
        Assert.Null(session.Current);
    }

    [Fact]
    public void ApplyGrade_Twice_IsANoOp()
    {
        var session = NewSession("alpha-two", "beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "cherries", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered), Now);

        var again = session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Missing), Now);

        Assert.Null(again);
        Assert.Equal(2, session.Turns.Count);
    }

    [Fact]
    public void Summary_OfAnswerAndFollowUp_ScoresTheUnionOfBoth()
    {
        var session = NewSession("beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Missing), Now);
        var followUp = session.Current!;
        session.AcceptAnswer("a2", "grapes", Now);
        session.ApplyGrade("a2", Grade(followUp.GradedQuestion, KeyPointStatus.Covered), Now);

        var summary = InterviewSummary.Summarize(session);

        var question = Assert.Single(summary.Questions);
        Assert.Equal(100, question.Score);
        Assert.Equal("answered", question.Status);
        Assert.True(question.FollowUpAsked);
        Assert.All(question.KeyPoints!, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
        Assert.Equal(100, summary.OverallScore);
        Assert.Empty(summary.Gaps);
        Assert.Equal("completed", summary.Status);
    }

    [Fact]
    public void AcceptAnswer_WhileThePreviousIsBeingGraded_IsAConflict()
    {
        var session = NewSession("alpha-two", "beta-one");
        session.Begin(Now);
        session.AcceptAnswer("a1", "cherries", Now);

        var ex = Assert.Throws<InterviewException>(() => session.AcceptAnswer("a2", "again", Now));

        Assert.Equal(InterviewError.Conflict, ex.Error);
        Assert.Equal("a1", session.Current!.Answer!.AnswerId);
    }

    [Fact]
    public void Skip_MovesToTheNextQuestionAndScoresZero()
    {
        var session = NewSession("alpha-two", "beta-one");
        session.Begin(Now);

        var (skipped, next) = session.Skip(Now);

        Assert.True(skipped.Skipped);
        Assert.Equal("beta-one", Assert.IsType<InterviewStep.Ask>(next).Turn.Question.Id);
        var summary = InterviewSummary.Summarize(session);
        var first = summary.Questions.Single(q => q.QuestionId == "alpha-two");
        Assert.Equal("skipped", first.Status);
        Assert.Equal(0, first.Score);
        Assert.Null(first.KeyPoints);
    }

    [Fact]
    public void Skip_OfAFollowUp_KeepsTheFirstAnswersScore()
    {
        var session = NewSession("beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Missing), Now);

        var (_, next) = session.Skip(Now);

        Assert.IsType<InterviewStep.Complete>(next);
        var question = Assert.Single(InterviewSummary.Summarize(session).Questions);
        Assert.Equal("answered", question.Status);
        Assert.Equal(66.7, question.Score);
    }

    [Fact]
    public void End_StopsTheInterviewOnce()
    {
        var session = NewSession("alpha-two", "beta-one");
        session.Begin(Now);

        Assert.True(session.End(Now));
        Assert.False(session.End(Now));
        Assert.Equal(InterviewStatus.Ended, session.Status);
        var ex = Assert.Throws<InterviewException>(() => session.AcceptAnswer("a1", "late", Now));
        Assert.Equal(InterviewError.Conflict, ex.Error);
        var summary = InterviewSummary.Summarize(session);
        Assert.Equal("ended", summary.Status);
        Assert.Equal(["not_reached", "not_reached"], summary.Questions.Select(q => q.Status));
        Assert.Equal(0, summary.Answered);
    }

    [Fact]
    public void Summary_ListsAnsweredStrengthsAndGapsGroupedUnderTheirQuestion()
    {
        var session = NewSession("alpha-one", "beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "apples pears", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Covered), Now);
        var second = session.Current!;
        session.AcceptAnswer("a2", "nothing", Now);
        session.ApplyGrade("a2", Grade(second.Question, KeyPointStatus.Missing, KeyPointStatus.Partial), Now);
        session.Skip(Now);

        var summary = InterviewSummary.Summarize(session);

        Assert.Equal(58.4, summary.OverallScore); // (100 + 16.7) / 2
        Assert.Equal((2, 2), (summary.Answered, summary.Total));
        var strength = Assert.Single(summary.Strengths);
        Assert.Equal(("alpha-one", 100.0, "Alpha questions"), (strength.QuestionId, strength.Score, strength.CategoryTitle));
        var gaps = Assert.Single(summary.Gaps);
        Assert.Equal(("beta-one", 16.7), (gaps.QuestionId, gaps.Score));
        Assert.Equal(["beta-one-bananas", "beta-one-grapes"], gaps.KeyPoints.Select(g => g.KeyPointId));
        Assert.Equal([KeyPointStatus.Missing, KeyPointStatus.Partial], gaps.KeyPoints.Select(g => g.Status));
        Assert.Equal("Bananas are berries that grow in bunches.", gaps.KeyPoints[0].Study);
        Assert.Equal("Grapes grow on vines.", gaps.KeyPoints[1].Study);
    }

    [Fact]
    public void Summary_WithASkippedQuestionInTheSameCategory_KeepsTheAnsweredOneAsAStrength()
    {
        var session = NewSession("alpha-one", "alpha-two");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "apples pears", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Covered), Now);
        session.Skip(Now);

        var summary = InterviewSummary.Summarize(session);

        Assert.Equal("alpha-one", Assert.Single(summary.Strengths).QuestionId);
        Assert.Equal(50, summary.OverallScore);
        Assert.Empty(summary.Gaps); // nothing about the skipped question: no key point, no study material
        Assert.Null(summary.Questions[1].KeyPoints);
    }

    [Fact]
    public void Summary_OfAnInterviewEndedEarly_CountsUnaskedQuestionsAsNotReached()
    {
        var session = NewSession("alpha-two", "beta-one", "alpha-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "cherries", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered), Now);
        session.End(Now);

        var summary = InterviewSummary.Summarize(session);

        Assert.Equal(["answered", "not_reached", "not_reached"], summary.Questions.Select(q => q.Status));
        Assert.Equal((1, 3), (summary.Answered, summary.Total));
        Assert.Equal(33.3, summary.OverallScore);
    }

    [Fact]
    public void FollowUp_IsCreditedOnlyOnItsTargets()
    {
        var session = NewSession("beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "grapes", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Missing, KeyPointStatus.Partial), Now);
        var followUp = session.Current!;
        // A grade that claims a key point outside the targets (as a careless grader might) raises nothing outside them.
        var claimsBoth = Grade(first.Question, KeyPointStatus.Missing, KeyPointStatus.Covered);
        session.AcceptAnswer("a2", "grapes on vines", Now);
        session.ApplyGrade("a2", claimsBoth, Now);

        Assert.Equal(["beta-one-bananas"], followUp.Targets.Select(k => k.Id));
        Assert.Equal(["beta-one-bananas"], followUp.GradedQuestion.KeyPoints.Select(k => k.Id));
        Assert.Equal("What are bananas, botanically?", followUp.GradedQuestion.Text);
        var graded = InterviewWire.Graded(session, followUp, Audience.Reviewer);
        Assert.Equal((16.7, 0.0), (graded.QuestionScore!.Value, graded.Gained!.Value));
        Assert.Equal(["beta-one-bananas"], graded.Grade!.KeyPoints.Select(k => k.Id));
    }

    [Fact]
    public void PasteAttack_GainsAtMostTheTargetsWeight()
    {
        var grader = new KeywordGrader();
        var session = NewSession("beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "No lo sé.", Now);
        session.ApplyGrade("a1", grader.Grade(new GradeRequest(Bank, first.GradedQuestion, "No lo sé.")), Now);
        var followUp = session.Current!;
        // Every key point's text, as the first Graded showed them, pasted into the follow-up.
        var pasted = string.Join(" ", first.Grade!.KeyPoints.Select(k => k.Text));
        session.AcceptAnswer("a2", pasted, Now);
        session.ApplyGrade("a2", grader.Grade(new GradeRequest(Bank, followUp.GradedQuestion, pasted)), Now);

        var graded = InterviewWire.Graded(session, followUp, Audience.Reviewer);
        Assert.Equal(["beta-one-bananas"], graded.Grade!.KeyPoints.Select(k => k.Id));
        Assert.Equal((66.7, 66.7), (graded.QuestionScore!.Value, graded.Gained!.Value)); // weight 2 of 3
        var question = Assert.Single(InterviewSummary.Summarize(session).Questions);
        Assert.Equal(KeyPointStatus.Missing, question.KeyPoints!.Single(k => k.Id == "beta-one-grapes").Status);
    }

    [Fact]
    public void SummaryScore_IsTheLastQuestionScore()
    {
        var session = NewSession("alpha-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "pears", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Partial, KeyPointStatus.Covered), Now);
        var afterMain = InterviewWire.Graded(session, first, Audience.Reviewer);
        var followUp = session.Current!;
        session.AcceptAnswer("a2", "apples", Now);
        session.ApplyGrade("a2", Grade(followUp.GradedQuestion, KeyPointStatus.Covered), Now);
        var afterFollowUp = InterviewWire.Graded(session, followUp, Audience.Reviewer);

        Assert.Equal((66.7, 66.7), (afterMain.QuestionScore!.Value, afterMain.Gained!.Value));
        Assert.Equal((100.0, 33.3), (afterFollowUp.QuestionScore!.Value, afterFollowUp.Gained!.Value));
        Assert.Equal(100, Assert.Single(InterviewSummary.Summarize(session).Questions).Score);
        Assert.Equal(new Dictionary<string, double> { ["alpha-one-apples"] = 2 }, afterFollowUp.Weights);
    }

    [Fact]
    public void CandidateView_WithFeedbackNone_CarriesNoScoreAndNoKeyPointText()
    {
        var session = NewSession(InterviewMode.Assessment, FeedbackLevel.None, "beta-one", "alpha-two");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Missing), Now);
        session.End(Now);
        var audience = Audience.CandidateOf(session);

        var graded = InterviewWire.Graded(session, first, audience);
        var completed = InterviewWire.Completed(session, audience);

        Assert.Equal((null, null, null, null), (graded.Grade, graded.QuestionScore, graded.Gained, graded.Weights));
        Assert.Null(completed.OverallScore);
        Assert.All(completed.Questions, q => Assert.Equal((null, null), (q.Score, q.KeyPoints)));
        Assert.Empty(completed.Strengths);
        Assert.Empty(completed.Gaps);
        Assert.Equal((1, 2), (completed.Answered, completed.Total));
    }

    [Fact]
    public void CandidateView_WithFeedbackScore_CarriesScoresButNoKeyPointText()
    {
        var session = NewSession(InterviewMode.Assessment, FeedbackLevel.Score, "beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Missing), Now);
        session.End(Now);
        var audience = Audience.CandidateOf(session);

        var graded = InterviewWire.Graded(session, first, audience);
        var completed = InterviewWire.Completed(session, audience);

        Assert.Null(graded.Grade);
        Assert.Equal((66.7, 66.7), (graded.QuestionScore!.Value, graded.Gained!.Value));
        Assert.Equal(66.7, completed.Questions[0].Score);
        Assert.Null(completed.Questions[0].KeyPoints);
        Assert.Empty(completed.Gaps);
    }

    [Fact]
    public void CandidateView_OfAnAssessmentWithFullFeedback_HasTheChecklistButNoStudyMaterial()
    {
        var session = NewSession(InterviewMode.Assessment, FeedbackLevel.Full, "beta-one");
        var first = session.Begin(Now);
        session.AcceptAnswer("a1", "bananas", Now);
        session.ApplyGrade("a1", Grade(first.Question, KeyPointStatus.Covered, KeyPointStatus.Missing), Now);
        session.End(Now);

        var completed = InterviewWire.Completed(session, Audience.CandidateOf(session));

        Assert.Equal("Grapes grow on vines.", Assert.Single(Assert.Single(completed.Gaps).KeyPoints).KeyPoint);
        Assert.Null(completed.Gaps[0].KeyPoints[0].Study);
        Assert.Equal("Grapes grow on vines.", InterviewWire.Completed(session, Audience.Reviewer).Gaps[0].KeyPoints[0].Study);
    }

    private static InterviewSession NewSession(params string[] questionIds) => NewSession(InterviewMode.Practice, FeedbackLevel.Full, questionIds);

    private static InterviewSession NewSession(InterviewMode mode, FeedbackLevel feedback, params string[] questionIds) => new()
    {
        Mode = mode,
        Feedback = feedback,
        Id = "s1",
        ResumeTokenHash = "hash",
        Bank = Bank,
        Grader = GraderNames.Keyword,
        Seed = 1,
        Plan = questionIds.Select(id => Bank.FindQuestion(id)!).ToList(),
        CreatedAt = Now,
    };

    private static GradeResult Grade(Question question, params KeyPointStatus[] statuses)
    {
        var keyPoints = question.KeyPoints.Select((k, i) => new KeyPointGrade(k.Id, k.Text, statuses[i], Scoring.Credit(statuses[i]), [])).ToList();
        return new GradeResult(question.Id, Scoring.Score(question, keyPoints), GraderNames.Keyword, false, Bank.Ref, keyPoints,
            Scoring.FollowUpTarget(question, keyPoints)?.FollowUp, string.Empty, []);
    }
}
