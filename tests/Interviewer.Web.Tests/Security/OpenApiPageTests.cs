using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Interviewer.Web.Tests.Security;

/// <summary>/openapi/: Swagger UI served by the service, reading the document with the tab's reviewer key, under the pages' CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenApiPageTests(BrowserFixture browser)
{
    private const string RecordViolations =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task Page_WithTheReviewerKey_ShowsEveryRoute_LocksReviewerRoutesOnly_WithNoPolicyViolation()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync("/openapi/");
        await page.WaitForSelectorAsync("#openapi-message:has-text('reviewer key')");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.PressAsync("#reviewer-key", "Enter");
        var sessions = page.Locator(".opblock-get:has(.opblock-summary-path[data-path='/api/sessions'])");
        var banks = page.Locator(".opblock-get:has(.opblock-summary-path[data-path='/api/banks'])");
        await sessions.WaitForAsync(new() { Timeout = 15_000 });

        Assert.Equal(1, await sessions.Locator(".authorization__btn").CountAsync());
        Assert.Equal(1, await banks.CountAsync());
        Assert.Equal(0, await banks.Locator(".authorization__btn").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
    }
}
