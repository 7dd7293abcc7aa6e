using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

/// <summary>/progress.html: a practising candidate's interviews in this browser, weak areas, and practising them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProgressPage_ListsAFinishedInterview_WithItsScoresAndWeakAreas()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        var question = await PartlyAnswerAndEndAsync(interview);
        var missed = question.StartsWith("Which tools", StringComparison.Ordinal) ? "Shows the metrics on Grafana dashboards." : "Configures the machines with Ansible.";

        await interview.Page.Locator(".site-nav a[href='/progress.html']").ClickAsync();

        var page = interview.Page;
        await Expect(page.Locator(".interview-card")).ToHaveCountAsync(1);
        await Expect(page.Locator(".interview-overall")).ToHaveTextAsync("Overall score: 33.4 / 100 · 1 of 2 answered");
        await Expect(page.Locator(".interview-meta .badge")).ToHaveTextAsync("ended early");
        await Expect(page.Locator(".interview-card .category-score")).ToContainTextAsync("Tools");
        await Expect(page.Locator("#weak-questions li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#weak-questions .weak-point-text")).ToHaveTextAsync(question);
        await Expect(page.Locator("#weak-questions .hint")).ToHaveTextAsync("last score 66.7 / 100");
        await Expect(page.Locator("#weak-points li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#weak-points .weak-point-text")).ToHaveTextAsync(missed);
        await Expect(page.Locator("#weak-points .badge")).ToHaveTextAsync("missed in 1 of 1 answers");
        await Expect(page.Locator("#practise")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PractiseWeakAreas_StartsAnInterviewOnTheWeakQuestion_ThatAReloadResumes()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        var question = await PartlyAnswerAndEndAsync(interview);
        var page = interview.Page;
        await page.GotoAsync("/progress.html");

        await page.Locator("#practise").ClickAsync();

        await Expect(interview.Questions).ToHaveCountAsync(1);
        await Expect(interview.Progress).ToHaveTextAsync("Question 1 of 1");
        Assert.Equal(question, await interview.CurrentQuestionAsync());
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await interview.AnswerBox.FillAsync("draft kept");
        await page.ReloadAsync();
        await Expect(interview.Questions).ToHaveCountAsync(1);
        await Expect(interview.AnswerBox).ToHaveValueAsync("draft kept");

        await page.GotoAsync("/progress.html");
        await Expect(page.Locator(".interview-card")).ToHaveCountAsync(2);
        await Expect(page.Locator(".interview-card").First.Locator(".interview-meta .badge")).ToHaveTextAsync("in progress");
    }

    [Fact]
    public async Task ProgressPage_InABrowserWithNoInterview_SaysSo()
    {
        await using var app = InterviewPage.CreateApp();
        var page = await browser.NewPageAsync(app.BaseAddress, locale: "es-ES");

        await page.GotoAsync("/progress.html");

        await Expect(page.Locator("#progress-status")).ToHaveTextAsync("Todavía no hay entrevistas de práctica en este navegador. Aparecerán aquí cuando empieces una.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mi progreso");

        // The message follows a change of language.
        await page.SelectOptionAsync("#language", "en");
        await Expect(page.Locator("#progress-status")).ToHaveTextAsync("No practice interview in this browser yet. Your interviews appear here once you have started one.");
    }

    // Two planned questions; the first answered in part (66.7), then the interview ended: overall 33.4.
    private static async Task<string> PartlyAnswerAndEndAsync(InterviewPage interview)
    {
        await interview.StartAsync(questionCount: 2);
        var question = await interview.CurrentQuestionAsync();
        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);
        await Expect(interview.Page.Locator(".message-follow-up")).ToHaveCountAsync(1);
        interview.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await interview.Page.Locator("#end").ClickAsync();
        await Expect(interview.Summary).ToBeVisibleAsync();
        return question;
    }
}
