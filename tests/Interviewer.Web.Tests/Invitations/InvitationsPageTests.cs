using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Interviewer.Web.Tests.Interview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Invitations;

/// <summary>The reviewers' /invitations page: create an invitation, copy its link, follow and revoke it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvitationsPageTests(BrowserFixture browser)
{
    private const string HasHorizontalScroll = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth";

    static InvitationsPageTests() => SetDefaultExpectTimeout(20_000);

    private async Task<IPage> ReviewerPageAsync(InterviewerApp app, int width = 1280, string locale = "en-US")
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width, 900, locale);
        await page.GotoAsync("/invitations.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.Keyboard.PressAsync("Enter");
        return page;
    }

    [Fact]
    public async Task CreatingAnInvitation_ShowsItsLinkOnce_ListsIt_AndRevokesIt()
    {
        await using var app = InterviewPage.CreateApp();
        var page = await ReviewerPageAsync(app);
        await Expect(page.Locator("#list-status")).ToHaveTextAsync("No invitation yet.");

        await page.FillAsync("#candidate", "Ada Lovelace");
        await page.FillAsync("#count", "1");
        await page.SelectOptionAsync("#feedback", "none");
        await page.ClickAsync("#submit");

        await Expect(page.Locator("#created")).ToBeVisibleAsync();
        await Expect(page.Locator("#created")).ToBeFocusedAsync();
        var link = await page.InputValueAsync("#link");
        Assert.Matches(InviteLink(), link);
        Assert.StartsWith(app.BaseAddress.ToString(), link, StringComparison.Ordinal);
        var row = page.Locator("#invitations tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Ada Lovelace");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1 from web-en, graded by keyword");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("nothing");
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("not started");
        // What the page created is what the service stored.
        using var reviewer = app.CreateReviewerClient();
        var stored = Assert.Single((await reviewer.GetFromJsonAsync<JsonElement>("/api/invitations")).EnumerateArray());
        Assert.Equal(("none", "Ada Lovelace", 1), (stored.GetProperty("feedback").GetString(), stored.GetProperty("candidateName").GetString(), stored.GetProperty("questionIds").GetArrayLength()));

        await page.ClickAsync("#copy");
        await Expect(page.Locator("#copy-status")).ToHaveTextAsync(new Regex("^(Link copied\\.|The link is selected: copy it with Ctrl\\+C \\(⌘C on a Mac\\)\\.)$"));

        await row.Locator("button[data-revoke]").ClickAsync();

        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("revoked");
        await Expect(row.Locator("button[data-revoke]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#list-status")).ToHaveTextAsync("The invitation of Ada Lovelace was revoked: its link no longer works.");
    }

    [Fact]
    public async Task InSpanish_OnAPhone_AnInvalidCountIsExplained_AndNothingScrollsSideways()
    {
        await using var app = InterviewPage.CreateApp();
        var page = await ReviewerPageAsync(app, width: 390, locale: "en-US");
        await page.SelectOptionAsync("#language", "es");

        await page.FillAsync("#count", "0");
        await page.ClickAsync("#submit");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Invitaciones");
        await Expect(page.Locator("label[for=count]")).ToHaveTextAsync("Número de preguntas");
        await Expect(page.Locator("#create-status")).ToHaveTextAsync("El número de preguntas debe ser un entero de 1 a 50.");
        await Expect(page.Locator("#count")).ToBeFocusedAsync();
        Assert.False(await page.EvaluateAsync<bool>(HasHorizontalScroll));
    }

    [GeneratedRegex("^http://127\\.0\\.0\\.1:\\d+/\\?invite=[0-9a-f]{64}$")]
    private static partial Regex InviteLink();
}
