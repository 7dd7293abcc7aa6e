using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class InterviewFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Interview_AnsweredInFull_EndsWithTheSummary()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);

        await interview.StartAsync(questionCount: 2);
        await Expect(interview.Progress).ToHaveTextAsync("Question 1 of 2");
        await interview.AnswerAsync(InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()]);
        await Expect(interview.Questions).ToHaveCountAsync(2);
        await Expect(interview.Progress).ToHaveTextAsync("Question 2 of 2");
        await interview.AnswerEverythingAsync();

        await Expect(interview.Summary.Locator(".summary-overall")).ToHaveTextAsync("Overall score: 100 / 100 · 2 of 2 answered");
        await Expect(interview.Summary.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(interview.Page.Locator("#answer-form")).ToBeHiddenAsync();
        await Expect(interview.Page.Locator(".message-follow-up")).ToHaveCountAsync(0);
        await Expect(interview.Page.Locator("#summary-title")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task PartialAnswer_ShowsTheFollowUpQuestion()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);

        var question = await interview.CurrentQuestionAsync();
        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);

        var followUp = interview.Page.Locator("#transcript .message-follow-up");
        await Expect(followUp).ToHaveCountAsync(1);
        var expected = question.StartsWith("Which tools", StringComparison.Ordinal)
            ? "Where would the team look at those metrics?"
            : "Which tool would configure the machines once they exist?";
        await Expect(followUp.Locator(".message-text")).ToHaveTextAsync(expected);
        await Expect(followUp.Locator(".message-meta")).ToContainTextAsync("Follow-up question");
        var grade = interview.Answers.First.Locator(".grade");
        await Expect(grade.Locator(".key-point[data-status=covered]")).ToHaveCountAsync(1);
        await Expect(grade.Locator(".key-point[data-status=missing]")).ToHaveCountAsync(1);
        await Expect(interview.AnswerBox).ToBeFocusedAsync();
    }

    [Fact]
    public async Task CtrlEnter_SendsTheAnswer()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];

        await interview.AnswerBox.FillAsync(answer);
        await interview.AnswerBox.PressAsync("Control+Enter");

        await interview.WaitForGradeAsync(1);
        await Expect(interview.Answers.First.Locator(".answer-text")).ToHaveTextAsync(answer);
        await Expect(interview.AnswerBox).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task EmptyAnswer_IsNotSentAndTheCandidateIsTold()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);

        await interview.AnswerBox.FillAsync("   ");
        await interview.AnswerBox.PressAsync("Control+Enter");

        await Expect(interview.AnswerError).ToHaveTextAsync("Write an answer before sending it.");
        await Expect(interview.Answers).ToHaveCountAsync(0);
        await Expect(interview.AnswerBox).ToBeFocusedAsync();
    }

    [Fact]
    public async Task NewInterview_AfterTheSummary_ReturnsToTheSetupAndStartsAFreshSession()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        await interview.AnswerEverythingAsync();
        var firstSession = await interview.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('interviewer.session')).sessionId");

        await interview.Page.Locator("#summary-new").ClickAsync();
        await Expect(interview.Page.Locator("#setup")).ToBeVisibleAsync();
        await Expect(interview.Page.Locator("#setup-title")).ToBeFocusedAsync();
        await interview.StartAsync(questionCount: 1);

        await Expect(interview.Answers).ToHaveCountAsync(0);
        var secondSession = await interview.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('interviewer.session')).sessionId");
        Assert.NotEqual(firstSession, secondSession);
    }

    [Fact]
    public async Task Skip_MarksTheQuestionSkippedAndAsksTheNextOne()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 2);
        var first = await interview.CurrentQuestionAsync();

        await interview.Page.Locator("#skip").ClickAsync();

        await Expect(interview.Questions).ToHaveCountAsync(2);
        await Expect(interview.Page.Locator("#transcript .message-skipped")).ToHaveTextAsync("Question skipped.");
        await Expect(interview.Progress).ToHaveTextAsync("Question 2 of 2");
        Assert.NotEqual(first, await interview.CurrentQuestionAsync());
        await interview.AnswerEverythingAsync();
        await Expect(interview.Summary.Locator("tbody tr").First.Locator("td").Last).ToHaveTextAsync("skipped");
    }
}
