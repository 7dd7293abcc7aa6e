using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

/// <summary>
/// The chat page driven the way a candidate drives it, against the real service with the fixture banks
/// (Fixtures/rubrics: one-word concepts, so the evidence is exactly the words typed).
/// </summary>
internal sealed class InterviewPage
{
    public static readonly string FixtureRubrics = Path.Combine(AppContext.BaseDirectory, "Fixtures", "rubrics");

    // Complete answers to the web-en questions, by question text; the plan is shuffled, so the test answers what it is asked.
    public static readonly IReadOnlyDictionary<string, string> FullAnswers = new Dictionary<string, string>
    {
        ["Which tools would you use to monitor a model in production?"] =
            "I would scrape the model's metrics with Prometheus and then show them on Grafana dashboards for the team.",
        ["How would you provision the infrastructure for a model?"] =
            "I would describe the servers with Terraform and configure them afterwards with Ansible playbooks.",
    };

    public static readonly IReadOnlyDictionary<string, string> PartialAnswers = new Dictionary<string, string>
    {
        ["Which tools would you use to monitor a model in production?"] =
            "I would scrape the model's metrics with Prometheus every fifteen seconds.",
        ["How would you provision the infrastructure for a model?"] =
            "I would describe the servers with Terraform and keep that code in the repository.",
    };

    static InterviewPage() => SetDefaultExpectTimeout(20_000);

    private InterviewPage(IPage page) => Page = page;

    public IPage Page { get; }

    public ILocator Transcript => Page.Locator("#transcript");
    public ILocator Questions => Page.Locator("#transcript .message-question");
    public ILocator LastQuestion => Questions.Last;
    public ILocator Answers => Page.Locator("#transcript .message-answer");
    public ILocator AnswerBox => Page.Locator("#answer");
    public ILocator Progress => Page.Locator("#progress");
    public ILocator Summary => Page.Locator("#summary");
    public ILocator AnswerError => Page.Locator("#answer-error");
    public ILocator Connection => Page.Locator("#connection");

    /// <summary>A service on the fixture banks, with extra settings for the test.</summary>
    public static InterviewerApp CreateApp(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Interviewer:Rubrics:Path"] = FixtureRubrics,
            ["Interviewer:Interviews:DefaultBank"] = "web-en",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return new InterviewerApp(all);
    }

    public static async Task<InterviewPage> OpenAsync(BrowserFixture browser, InterviewerApp app, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width, height);
        var interview = new InterviewPage(page);
        await page.GotoAsync("/");
        return interview;
    }

    /// <summary>Fills the setup form and waits for the first question.</summary>
    public async Task StartAsync(string bankId = "web-en", int questionCount = 2)
    {
        await Page.Locator("#bank").SelectOptionAsync(bankId);
        await Page.Locator("#question-count").FillAsync(questionCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#start").ClickAsync();
        await Expect(Questions).ToHaveCountAsync(1);
        await Expect(AnswerBox).ToBeEnabledAsync();
    }

    /// <summary>The text of the question being asked.</summary>
    public async Task<string> CurrentQuestionAsync() =>
        (await LastQuestion.Locator(".message-text").TextContentAsync())!.Trim();

    /// <summary>Types an answer and sends it with the button; waits until its grade is shown.</summary>
    public async Task AnswerAsync(string text)
    {
        var answered = await Answers.CountAsync();
        await AnswerBox.FillAsync(text);
        await Page.Locator("#send").ClickAsync();
        await WaitForGradeAsync(answered + 1);
    }

    public async Task WaitForGradeAsync(int answerCount)
    {
        await Expect(Answers).ToHaveCountAsync(answerCount);
        await Expect(Answers.Nth(answerCount - 1).Locator(".grade")).ToBeVisibleAsync();
    }

    /// <summary>Answers whatever is asked with its complete answer, until the summary shows.</summary>
    public async Task AnswerEverythingAsync()
    {
        for (var guard = 0; guard < 10 && !await Summary.IsVisibleAsync(); guard++)
        {
            var questions = await Questions.CountAsync();
            var question = await CurrentQuestionAsync();
            await AnswerAsync(FullAnswers[question]);
            await Page.WaitForFunctionAsync(
                "n => document.querySelectorAll('#transcript .message-question').length > n || !document.querySelector('#summary').hidden",
                questions);
        }
        await Expect(Summary).ToBeVisibleAsync();
    }
}
