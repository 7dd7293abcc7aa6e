using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

/// <summary>The question score on the page: what a follow-up adds, the summary that agrees, and the score in view on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionScoreTests(BrowserFixture browser)
{
    private const string GradeInView =
        "() => { const r = [...document.querySelectorAll('#transcript .grade-score')].at(-1).getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }";

    [Fact]
    public async Task FollowUp_ShowsWhatItAddsAndOnlyTheKeyPointItAsked()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        var question = await interview.CurrentQuestionAsync();

        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);
        await Expect(interview.Page.Locator(".message-follow-up")).ToHaveCountAsync(1);
        await interview.AnswerAsync(InterviewPage.FullAnswers[question]);

        var first = interview.Answers.Nth(0).Locator(".grade");
        var second = interview.Answers.Nth(1).Locator(".grade");
        await Expect(first.Locator(".grade-score")).ToHaveTextAsync("Question score: 66.7 / 100");
        await Expect(first.Locator(".key-point")).ToHaveCountAsync(2);
        await Expect(second.Locator(".grade-score")).ToHaveTextAsync("Question score: 66.7 → 100 (+33.3)");
        await Expect(second.Locator(".grade-heading")).ToHaveTextAsync("What the follow-up asked about");
        await Expect(second.Locator(".key-point")).ToHaveCountAsync(1);
        await Expect(second.Locator(".key-point[data-status=covered] .key-point-weight")).ToHaveTextAsync(" (weight 1)");
        await Expect(interview.Summary.Locator(".summary-overall")).ToHaveTextAsync("Overall score: 100 / 100 · 1 of 1 answered");
        await Expect(interview.Summary.Locator("tbody tr td").Last).ToHaveTextAsync("100");
    }

    [Fact]
    public async Task Summary_OfAnEndedInterview_SaysWhatWasNotReachedAndGroupsGapsByQuestion()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 2);
        var question = await interview.CurrentQuestionAsync();
        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);
        await Expect(interview.Page.Locator(".message-follow-up")).ToHaveCountAsync(1);

        interview.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await interview.Page.Locator("#end").ClickAsync();

        await Expect(interview.Summary.Locator(".summary-overall")).ToHaveTextAsync("Overall score: 33.4 / 100 · 1 of 2 answered");
        await Expect(interview.Progress).ToHaveTextAsync("1 of 2 answered");
        await Expect(interview.Summary.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(interview.Summary.Locator("tbody tr").Nth(1).Locator("td").Last).ToHaveTextAsync("not reached");
        await Expect(interview.Summary.Locator(".gap-question")).ToHaveCountAsync(1);
        await Expect(interview.Summary.Locator(".gap-question .gap")).ToHaveCountAsync(1);
        await Expect(interview.Summary.Locator(".strengths")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Phone_AfterGrading_TheQuestionScoreIsInView()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app, width: 390, height: 844);
        await interview.StartAsync(questionCount: 2);
        var question = await interview.CurrentQuestionAsync();

        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);
        await Expect(interview.Page.Locator(".message-follow-up")).ToHaveCountAsync(1);
        await Expect(interview.AnswerBox).ToBeEnabledAsync();

        Assert.True(await interview.Page.EvaluateAsync<bool>(GradeInView));
        await Expect(interview.Page.Locator("#answer-hint")).ToBeVisibleAsync(); // a mouse-and-keyboard browser
    }
}
