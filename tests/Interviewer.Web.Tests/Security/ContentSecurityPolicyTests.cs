using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Interviewer.Web.Tests.Interview;
using Microsoft.Playwright;

namespace Interviewer.Web.Tests.Security;

/// <summary>The pages work under the service's Content-Security-Policy of 'self': no inline script or style is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    // Runs before the page's own scripts, so every refusal is counted.
    private const string RecordViolations =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task InterviewPage_RunsAnInterviewToTheSummary_WithNoPolicyViolation()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        var page = interview.Page;
        await page.AddInitScriptAsync(RecordViolations);
        await page.ReloadAsync();

        await interview.StartAsync(questionCount: 1);
        await interview.AnswerEverythingAsync();

        Assert.Empty(await Violations(page));
    }

    [Theory]
    [InlineData("/batch")]
    [InlineData("/calibrate.html")]
    public async Task ReviewerPage_Loads_WithNoPolicyViolation(string path)
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(await Violations(page));
    }

    [Fact]
    public async Task CalibrationReport_RendersStyled_WithNoPolicyViolation()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.AddInitScriptAsync(RecordViolations);
        const string row = """{"answer_id":"ID","question_id":"why-tests","question":"Why do we write tests?","reference_answer":"Tests find defects early and make refactoring safe.","answer":"ANSWER","score":SCORE,"max_score":5}""";
        var upload = string.Join('\n',
            row.Replace("ID", "1").Replace("ANSWER", "Tests find defects early.").Replace("SCORE", "5"),
            row.Replace("ID", "2").Replace("ANSWER", "No idea.").Replace("SCORE", "0"),
            row.Replace("ID", "3").Replace("ANSWER", "Refactoring is safe.").Replace("SCORE", "3"));

        await page.GotoAsync("/calibrate.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "scores.jsonl", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(upload) });
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#report:not([hidden])");

        Assert.Empty(await Violations(page));
        Assert.Equal("right", await page.EvalOnSelectorAsync<string>("#disagreements td.number", "td => getComputedStyle(td).textAlign"));
        Assert.Equal("collapse", await page.EvalOnSelectorAsync<string>("table", "t => getComputedStyle(t).borderCollapse"));
    }

    private static async Task<string[]> Violations(IPage page) => await page.EvaluateAsync<string[]>("() => window.__violations");
}
