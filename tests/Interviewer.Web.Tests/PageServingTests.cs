using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;

namespace Interviewer.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PageServingTests(BrowserFixture browser)
{
    [Fact]
    public async Task Root_ServesThePageWithTheSignalRClient()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/");
        var hasSignalR = await page.EvaluateAsync<bool>("async () => (await fetch('/lib/signalr.min.js')).ok");

        Assert.Equal("Interviewer", await page.TitleAsync());
        Assert.True(hasSignalR);
    }
}
