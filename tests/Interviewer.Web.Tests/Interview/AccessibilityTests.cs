using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    // Controls without a label, an aria-label or text of their own, by id or tag.
    private const string UnnamedControls =
        """
        () => [...document.querySelectorAll('input, select, textarea, button')]
          .filter(c => c.offsetParent !== null)
          .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby') && !c.textContent.trim())
          .map(c => c.id || c.tagName)
        """;

    [Fact]
    public async Task KeyboardOnly_StartsTheInterviewAndAnswers()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        var page = interview.Page;
        await Expect(page.Locator("#category-list input")).ToHaveCountAsync(2);
        await page.Locator("#bank").SelectOptionAsync("web-en");
        await page.Locator("body").FocusAsync();

        for (var presses = 0; presses < 20 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "start"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(page.Locator("#start")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // Focus moves to the answer box when the question arrives.
        await Expect(interview.Questions).ToHaveCountAsync(1);
        await Expect(interview.AnswerBox).ToBeFocusedAsync();
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];
        await page.Keyboard.TypeAsync(answer);
        await page.Keyboard.PressAsync("Control+Enter");
        await interview.WaitForGradeAsync(1);
    }

    [Fact]
    public async Task EveryControl_HasAnAccessibleName_AndNewMessagesAreAnnounced()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await Expect(interview.Page.Locator("#category-list input")).ToHaveCountAsync(2);
        Assert.Empty(await interview.Page.EvaluateAsync<string[]>(UnnamedControls));

        await interview.StartAsync(questionCount: 1);

        Assert.Empty(await interview.Page.EvaluateAsync<string[]>(UnnamedControls));
        await Expect(interview.Transcript).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(interview.Page.Locator("#grading")).ToHaveAttributeAsync("role", "status");
        await Expect(interview.Connection).ToHaveAttributeAsync("role", "status");
    }
}
