using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class SafetyTests(BrowserFixture browser)
{
    private const string Hostile =
        "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> I would use Prometheus <b>and</b> Terraform <svg onload=\"window.__pwned=3\">";

    [Fact]
    public async Task MarkupInAnAnswer_IsShownAsTextAndNeverRuns()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);

        await interview.AnswerAsync(Hostile);
        await AssertInertAsync(interview);

        // The transcript the server sends back on a reload is just as inert.
        await interview.Page.ReloadAsync();
        await interview.WaitForGradeAsync(1);
        await AssertInertAsync(interview);
    }

    private static async Task AssertInertAsync(InterviewPage interview)
    {
        var answer = interview.Answers.First.Locator(".answer-text");
        await Expect(answer).ToHaveTextAsync(Hostile);
        // The evidence is still highlighted around the markup, as text.
        await Expect(answer.Locator("mark")).ToHaveCountAsync(1);
        Assert.Equal(0, await interview.Transcript.Locator("script, img, svg, b").CountAsync());
        Assert.Equal("undefined", await interview.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
    }
}
