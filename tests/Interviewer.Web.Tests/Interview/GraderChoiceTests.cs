using System.Text.Json;
using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

/// <summary>The setup's grader menu: only the graders open to practice, keyword chosen first, a refusal explained.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GraderChoiceTests(BrowserFixture browser)
{
    // An LLM "configured" at a closed port: llm and dual exist; only llm is opened to practice.
    private static readonly Dictionary<string, string?> WithLlm = new()
    {
        ["Interviewer:Llm:Provider"] = "OpenAI",
        ["Interviewer:Llm:Endpoint"] = "http://127.0.0.1:9/v1",
        ["Interviewer:Llm:Model"] = "test-model",
        ["Interviewer:Limits:PracticeGraders:0"] = "keyword",
        ["Interviewer:Limits:PracticeGraders:1"] = "llm",
    };

    [Fact]
    public async Task GraderMenu_OffersOnlyPracticeGraders_KeywordFirst_AndRemembersTheChoiceAcrossAReload()
    {
        await using var app = InterviewPage.CreateApp(WithLlm);
        var interview = await InterviewPage.OpenAsync(browser, app);
        var menu = interview.Page.Locator("#grader");

        await Expect(interview.Page.Locator("#grader-field")).ToBeVisibleAsync();
        await Expect(menu.Locator("option")).ToHaveCountAsync(2);
        Assert.Equal(["keyword", "llm"], await menu.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        await Expect(menu).ToHaveValueAsync("keyword");

        await menu.SelectOptionAsync("llm");
        await interview.Page.Locator("#candidate-name").FillAsync("Ada");
        await interview.Page.Locator("#question-count").FillAsync("1");
        await interview.Page.ReloadAsync();

        await Expect(menu).ToHaveValueAsync("llm");
        await Expect(interview.Page.Locator("#candidate-name")).ToHaveValueAsync("Ada");
        await Expect(interview.Page.Locator("#question-count")).ToHaveValueAsync("1");
    }

    [Fact]
    public async Task OneGraderOpenToPractice_ShowsNoMenu_AndStartsWithIt()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);

        await Expect(interview.Page.Locator("#start")).ToBeEnabledAsync();
        await Expect(interview.Page.Locator("#grader-field")).ToBeHiddenAsync();
        await interview.StartAsync(questionCount: 1);
        await interview.AnswerAsync(InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()]);
        await Expect(interview.Answers.First.Locator(".grade-score")).ToHaveTextAsync("Question score: 100 / 100");
    }

    [Fact]
    public async Task GraderRefusedByTheHub_IsExplained_AndTheFormKeepsWhatWasChosen()
    {
        // The page's list is out of date (the server closed llm to practice since it loaded): the hub refuses the start.
        await using var app = InterviewPage.CreateApp(new Dictionary<string, string?>
        {
            ["Interviewer:Llm:Provider"] = "OpenAI",
            ["Interviewer:Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Interviewer:Llm:Model"] = "test-model",
        });
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.RouteAsync("**/api/graders", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new { @default = "keyword", names = new[] { "keyword", "llm" }, practice = new[] { "keyword", "llm" } }),
        }));
        await page.GotoAsync("/");
        await page.Locator("#grader").SelectOptionAsync("llm");
        await page.Locator("#question-count").FillAsync("1");
        await page.Locator("#start").ClickAsync();

        var error = page.Locator("#setup-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("The grader “llm” cannot be used for practice interviews on this server. Choose another grader.");
        await Expect(error).ToContainTextAsync("practice graders: keyword");
        await Expect(page.Locator("#grader")).ToBeFocusedAsync();
        await Expect(page.Locator("#grader")).ToHaveValueAsync("llm");
        await Expect(page.Locator("#start")).ToBeEnabledAsync();
        await Expect(page.Locator("#setup")).ToBeVisibleAsync();
    }
}
