using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Layout;

/// <summary>The header, menu, language switch and reviewer key that every page shares.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedLayoutTests(BrowserFixture browser)
{
    private static readonly string[] MenuLinks = ["/", "/progress.html", "/sessions.html", "/invitations.html", "/batch.html", "/calibrate.html", "/import.html"];

    // Visible controls without a label, an aria-label or text of their own, by id or tag.
    private const string UnnamedControls =
        """
        () => [...document.querySelectorAll('input, select, textarea, button')]
          .filter(c => c.offsetParent !== null)
          .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby') && !c.textContent.trim())
          .map(c => c.id || c.tagName)
        """;

    private const string HasHorizontalScroll = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth";

    static SharedLayoutTests() => SetDefaultExpectTimeout(15_000);

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/batch.html", "/batch.html")]
    [InlineData("/batch", "/batch.html")]
    [InlineData("/calibrate.html", "/calibrate.html")]
    [InlineData("/progress.html", "/progress.html")]
    [InlineData("/invitations.html", "/invitations.html")]
    public async Task EveryPage_HasTheMenuToEveryPage_MarksItself_AndHasLandmarks(string path, string current)
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync(path);

        var nav = page.Locator("header.site-header nav");
        await Expect(nav.Locator("a")).ToHaveCountAsync(MenuLinks.Length);
        Assert.Equal(MenuLinks, await nav.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(nav.Locator("a[aria-current=page]")).ToHaveAttributeAsync("href", current);
        await Expect(page.Locator("main#main")).ToHaveCountAsync(1);
        await Expect(page.Locator("h1:visible")).ToHaveCountAsync(1);
        Assert.Empty(await page.EvaluateAsync<string[]>(UnnamedControls));
    }

    [Fact]
    public async Task TheLanguage_DefaultsToTheBrowsers_AndTheChoiceIsRememberedOnEveryPage()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress, locale: "es-ES");

        await page.GotoAsync("/batch.html");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Corrección por lotes");
        await Expect(page.Locator("label[for=grader]")).ToHaveTextAsync("Corrector");
        await Expect(page.Locator(".site-nav a[href='/calibrate.html']")).ToHaveTextAsync("Calibración");
        Assert.Equal("es", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        await page.Locator("#language").SelectOptionAsync("en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Batch grading");
        await Expect(page.Locator("label[for=grader]")).ToHaveTextAsync("Grader");
        await Expect(page).ToHaveTitleAsync("Batch grading · Interviewer");

        await page.Locator(".site-nav a[href='/calibrate.html']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rubric calibration");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(page.Locator("#language")).ToHaveValueAsync("en");
    }

    [Fact]
    public async Task ChosenLanguage_WinsOverTheBanksOnTheInterviewPage()
    {
        await using var app = Interview.InterviewPage.CreateApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        await page.Locator("#language").SelectOptionAsync("en");

        await page.Locator("#bank").SelectOptionAsync("web-es");

        await Expect(page.Locator("#start")).ToHaveTextAsync("Start interview");
        await page.Locator("#language").SelectOptionAsync("es");
        await Expect(page.Locator("#start")).ToHaveTextAsync("Empezar la entrevista");
        await Expect(page.Locator("label[for=answer]")).ToHaveTextAsync("Tu respuesta");
    }

    [Fact]
    public async Task TheReviewerKey_IsEnteredOncePerTab_ForEveryReviewerPage()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/batch.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#reviewer-key-status")).ToHaveTextAsync("The reviewer key is set for this tab.");

        await page.GotoAsync("/calibrate.html");

        await Expect(page.Locator("#reviewer-key-status")).ToBeVisibleAsync();
        await Expect(page.Locator("#reviewer-key")).ToHaveCountAsync(0);
        await page.ClickAsync("#reviewer-key-change");
        await Expect(page.Locator("#reviewer-key")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task GraderMenus_OfferOnlyTheConfiguredGraders()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        foreach (var path in new[] { "/batch.html", "/calibrate.html" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("#grader option")).ToHaveCountAsync(1);
            await Expect(page.Locator("#grader option")).ToHaveAttributeAsync("value", "keyword");
            await Expect(page.Locator("#grader option")).ToHaveTextAsync("keyword (default)");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task AtPhoneWidth_TheMenuAndEveryReviewerPage_FitWithoutHorizontalScroll(string language)
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress, 390, 844, language == "es" ? "es-ES" : "en-US");

        foreach (var path in new[] { "/", "/progress.html", "/batch.html", "/calibrate.html" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(".site-nav a").Last).ToBeVisibleAsync();
            Assert.False(await page.EvaluateAsync<bool>(HasHorizontalScroll), path);
        }
    }

    [Fact]
    public async Task Keyboard_FirstTabReachesTheSkipLink_ThenTheMenu()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/calibrate.html");
        await Expect(page.Locator(".site-nav a")).ToHaveCountAsync(MenuLinks.Length);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".site-nav a").First).ToBeFocusedAsync();
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
    }
}
