using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Interviewer.Web.Tests.Interview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Sessions;

/// <summary>The reviewers' /sessions page over interviews held on the chat page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionsPageTests(BrowserFixture browser)
{
    private const string HasHorizontalScroll = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth";

    static SessionsPageTests() => SetDefaultExpectTimeout(20_000);

    /// <summary>
    /// A candidate, in a browser of their own, answers one web-en question with its partial answer (the tool of weight 2
    /// of 3) and its follow-up with nothing useful, which completes the interview.
    /// </summary>
    private async Task<(string Question, string Tool)> InterviewAsync(InterviewerApp app, string name)
    {
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.Page.Locator("#candidate-name").FillAsync(name);
        await interview.StartAsync("web-en", questionCount: 1);
        var question = await interview.CurrentQuestionAsync();
        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);
        await Expect(interview.Questions).ToHaveCountAsync(2);
        await interview.AnswerAsync("Nothing more to add.");
        await Expect(interview.Summary).ToBeVisibleAsync();
        await interview.Page.Context.CloseAsync();
        return (question, question.Contains("monitor", StringComparison.Ordinal) ? "Prometheus" : "Terraform");
    }

    private async Task<IPage> ReviewerPageAsync(InterviewerApp app, int width = 1280, string locale = "en-US")
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width, 900, locale);
        await page.GotoAsync("/sessions.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.Keyboard.PressAsync("Enter");
        return page;
    }

    [Fact]
    public async Task FilteringByCandidate_AndOpeningAnInterview_ShowsTheTranscriptWithEvidenceAndChecklist()
    {
        await using var app = InterviewPage.CreateApp();
        var (question, tool) = await InterviewAsync(app, "Ada Lovelace");
        await InterviewAsync(app, "Grace Hopper");
        var page = await ReviewerPageAsync(app);
        await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(2);

        await page.FillAsync("#candidate", "lovelace");
        await page.ClickAsync("#apply");

        await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("candidate=lovelace", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#sessions tbody tr td").Nth(1)).ToHaveTextAsync("Ada Lovelace");
        await page.Locator("#sessions tbody a[data-open]").ClickAsync();

        await Expect(page.Locator("#session-title")).ToHaveTextAsync("Interview of Ada Lovelace");
        await Expect(page.Locator("#session-title")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-snapshot=recovered]")).ToHaveCountAsync(0);
        var turn = page.Locator(".turn").First;
        await Expect(turn.Locator(".turn-question")).ToHaveTextAsync(question);
        await Expect(turn.Locator("blockquote.answer mark")).ToHaveTextAsync(tool);
        await Expect(turn.Locator(".checklist li[data-status=covered]")).ToHaveCountAsync(1);
        await Expect(turn.Locator(".checklist li[data-status=missing]")).ToHaveCountAsync(1);
        await Expect(turn.Locator(".grade-line")).ToHaveTextAsync("Question score after this answer: 66.7 / 100 (keyword)");
        await Expect(page.Locator(".turn").Nth(1).Locator(".turn-meta")).ToHaveTextAsync("Turn 2 · Follow-up to question 1");
        // The follow-up added nothing: the question keeps its score (the follow-up's own grade of its one target is 0).
        await Expect(page.Locator(".turn").Nth(1).Locator(".grade-line")).ToHaveTextAsync("Question score after this answer: 66.7 / 100 (keyword)");

        // Back to the filtered list.
        await page.GoBackAsync();
        await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#candidate")).ToHaveValueAsync("lovelace");
    }

    [Fact]
    public async Task AnInterviewStoredBeforeBankSnapshots_SaysItShowsTheBankAsServedAtTheUpgrade()
    {
        await using var app = InterviewPage.CreateApp();
        var (question, _) = await InterviewAsync(app, "Ada");
        // As the upgrade marks a session stored before snapshots existed.
        Assert.Equal(1, await app.Store.ExecuteAsync("""UPDATE sessions SET "SnapshotRecovered" = 1"""));
        var page = await ReviewerPageAsync(app);

        await page.Locator("#sessions tbody a[data-open]").ClickAsync();

        await Expect(page.Locator("[data-snapshot=recovered]")).ToHaveTextAsync(
            "Stored before bank snapshots: shown with the bank as it was when the service was upgraded, which may differ from what was asked.");
        await Expect(page.Locator(".turn").First.Locator(".turn-question")).ToHaveTextAsync(question);
    }

    [Fact]
    public async Task StatusAndBankFilters_NarrowTheList_AndSayWhenNothingMatches()
    {
        await using var app = InterviewPage.CreateApp();
        await InterviewAsync(app, "Ada");
        var page = await ReviewerPageAsync(app);
        await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(1);

        await page.Locator("#status").SelectOptionAsync("completed");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sessions tbody tr td").Nth(4)).ToHaveTextAsync("completed");

        await page.Locator("#bank").SelectOptionAsync("web-es");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#list-status")).ToHaveTextAsync("No interview matches these filters.");
        await Expect(page.Locator("#sessions")).ToBeHiddenAsync();

        // The bank menu's "any bank" choice, filled from the service, follows a language change like the rest.
        await page.Locator("#language").SelectOptionAsync("es");
        await Expect(page.Locator("#bank option[value='']")).ToHaveTextAsync("Cualquiera");
        await Expect(page.Locator("#status option[value='']")).ToHaveTextAsync("Cualquiera");
    }

    [Fact]
    public async Task ExportedHtml_IsSelfContained_AndShowsTheTranscript()
    {
        await using var app = InterviewPage.CreateApp();
        var (_, tool) = await InterviewAsync(app, "Ada");
        var page = await ReviewerPageAsync(app);
        await page.Locator("#sessions tbody a[data-open]").ClickAsync();
        await Expect(page.Locator(".turn")).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-html"));
        var html = await File.ReadAllTextAsync(await download.PathAsync());
        var file = Path.Combine(TestRun.Folder("export").FullName, "interview.html");
        await File.WriteAllTextAsync(file, html);
        var viewer = await browser.NewPageAsync(new Uri("http://127.0.0.1/"));
        var requests = new List<string>();
        viewer.Request += (_, request) => requests.Add(request.Url);
        await viewer.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        await Expect(viewer.Locator("h2")).ToHaveTextAsync("Interview of Ada");
        await Expect(viewer.Locator(".turn blockquote mark")).ToHaveTextAsync(tool);
        Assert.Equal("rgb(255, 255, 255)", await viewer.Locator(".turn").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        Assert.Contains("\"transcript\"", await File.ReadAllTextAsync(await json.PathAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InSpanish_AtPhoneWidth_TheListAndTranscriptFitAndSpeakSpanish()
    {
        await using var app = InterviewPage.CreateApp();
        await InterviewAsync(app, "Ada");
        var page = await ReviewerPageAsync(app, 390, "es-ES");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Entrevistas");
        await Expect(page.Locator("#sessions tbody tr td").Nth(4)).ToHaveTextAsync("completada");
        Assert.False(await page.EvaluateAsync<bool>(HasHorizontalScroll));
        await page.Locator("#sessions tbody a[data-open]").ClickAsync();
        await Expect(page.Locator("#session-title")).ToHaveTextAsync("Entrevista de Ada");
        await Expect(page.Locator(".checklist li[data-status=covered] .key-point-status")).ToHaveTextAsync("Cubierto:");
        Assert.False(await page.EvaluateAsync<bool>(HasHorizontalScroll));
    }

    [Fact]
    public async Task Keyboard_FiltersWithEnter_AndOpensAnInterview()
    {
        await using var app = InterviewPage.CreateApp();
        await InterviewAsync(app, "Ada");
        var page = await ReviewerPageAsync(app);
        await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(1);

        await page.FocusAsync("#candidate");
        await page.Keyboard.TypeAsync("ada");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/sessions.html?candidate=ada");
        await page.FocusAsync("#clear");
        for (var presses = 0; presses < 5 && !await page.Locator("a[data-open]").EvaluateAsync<bool>("a => a === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#session-title")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AReviewersScore_IsSavedBesideTheGradersAndLeavesTheQueue()
    {
        await using var app = InterviewPage.CreateApp();
        await InterviewAsync(app, "Ada");
        var page = await ReviewerPageAsync(app);
        await page.ClickAsync("#to-queue");
        await Expect(page.Locator("#queue li")).ToHaveCountAsync(2);
        await page.Locator("#queue li[data-turn='1'] a").ClickAsync();
        var turn = page.Locator("#turn-1");
        await Expect(turn).ToBeFocusedAsync();

        await turn.Locator("details.review summary").ClickAsync();
        await turn.Locator("input[name=score]").FillAsync("80");
        await turn.Locator("select[data-key-point]").First.SelectOptionAsync("covered");
        await turn.Locator("textarea[name=note]").FillAsync("Names the tool, not the dashboards.");
        await turn.Locator("form button[type=submit]").ClickAsync();

        await Expect(page.Locator("#turn-1 .reviews li")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^reviewer: 80 / 100 \\(80 / 100\\) · on .*Names the tool, not the dashboards\\.$"));
        await Expect(page.Locator("#turn-1 .grade-line")).ToContainTextAsync("Question score after this answer: 66.7 / 100");
        await page.ReloadAsync();
        await Expect(page.Locator("#turn-1 .reviews li")).ToHaveCountAsync(1);

        await page.ClickAsync("#to-queue");
        await Expect(page.Locator("#queue li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#queue li")).ToHaveAttributeAsync("data-turn", "2");
        await page.CheckAsync("#show-all");
        await Expect(page.Locator("#queue li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task AReviewScoreOutOfRange_IsRefusedOnThePage()
    {
        await using var app = InterviewPage.CreateApp();
        await InterviewAsync(app, "Ada");
        var page = await ReviewerPageAsync(app);
        await page.Locator("#sessions tbody a[data-open]").ClickAsync();
        var turn = page.Locator("#turn-1");

        await turn.Locator("details.review summary").ClickAsync();
        await turn.Locator("input[name=score]").FillAsync("120");
        await turn.Locator("form button[type=submit]").ClickAsync();

        await Expect(turn.Locator("form .status-line.error")).ToHaveTextAsync("The score must be a number between 0 and 100.");
        await Expect(turn.Locator("input[name=score]")).ToBeFocusedAsync();
        await Expect(turn.Locator(".reviews")).ToHaveCountAsync(0);
    }
}
