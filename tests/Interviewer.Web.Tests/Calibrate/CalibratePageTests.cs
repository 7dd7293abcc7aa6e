using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;

namespace Interviewer.Web.Tests.Calibrate;

[Collection(BrowserCollection.Name)]
public sealed class CalibratePageTests(BrowserFixture browser)
{
    private static string Row(string id, string answer, int a, int b) =>
        $$"""{"answer_id":"{{id}}","question_id":"why-tests","question":"Why do we write tests?","reference_answer":"Tests find defects early and make refactoring safe.","answer":"{{answer}}","score_a":{{a}},"score_b":{{b}},"max_score":5}""";

    private static readonly string Upload = string.Join('\n',
        Row("1", "Tests find defects early and make refactoring safe.", 5, 5),
        Row("2", "They find defects early.", 4, 3),
        Row("3", "<img src=x onerror=alert(1)> catch regressions", 5, 4),
        Row("4", "Because it is required.", 1, 0),
        Row("5", "Refactoring is safe with tests.", 3, 4),
        Row("6", "No idea.", 0, 1));

    [Fact]
    public async Task UploadingScoredAnswers_ShowsHeadlinePlotsAndTables_WithAnswersAsText()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/calibrate.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", new Microsoft.Playwright.FilePayload { Name = "scores.jsonl", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(Upload) });
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#report:not([hidden])");

        Assert.Contains("each other", await page.TextContentAsync("#headline"), StringComparison.Ordinal);
        Assert.Equal("6", await page.GetAttributeAsync("#scatter svg", "data-points"));
        Assert.Equal(36, await page.Locator("#confusion rect").CountAsync());
        Assert.Contains("All questions", await page.TextContentAsync("#questions"), StringComparison.Ordinal);
        Assert.Contains("a – b", await page.TextContentAsync("#raters"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#disagreements img").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Equal(InterviewerApp.ReviewerKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('interviewer.reviewerKey')"));
    }

    [Fact]
    public async Task InSpanish_CrossValidated_HeadlineAndNoteAreSpanish_AndSwitchLanguageInPlace()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress, locale: "es-ES");

        await page.GotoAsync("/calibrate.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", new Microsoft.Playwright.FilePayload { Name = "scores.jsonl", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(Upload) });
        await page.CheckAsync("#cross-validate");
        await page.FillAsync("#exemplar-cap", "3");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#report:not([hidden])");

        Assert.Contains("Corrector frente a evaluadores en 6 respuestas", await page.TextContentAsync("#headline"), StringComparison.Ordinal);
        Assert.Contains("entre sí", await page.TextContentAsync("#headline"), StringComparison.Ordinal);
        Assert.Contains("Validación cruzada en 5 particiones, como mucho 3 ejemplos", await page.TextContentAsync("#exemplar-note"), StringComparison.Ordinal);

        await page.Locator("#language").SelectOptionAsync("en");

        Assert.Contains("Grader vs humans on 6 answers", await page.TextContentAsync("#headline"), StringComparison.Ordinal);
        Assert.Contains("Cross-validated in 5 folds, at most 3 exemplars", await page.TextContentAsync("#exemplar-note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingExemplarsWhenTheServiceDoesNotWriteBanks_SaysWhichSettingAndShowsNoReport()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/calibrate.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", new Microsoft.Playwright.FilePayload { Name = "scores.jsonl", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(Upload) });
        await page.CheckAsync("#save-exemplars");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#status.error");

        Assert.Contains("Interviewer:Rubrics:Writable is false", await page.TextContentAsync("#status"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#report").IsHiddenAsync());
    }

    [Fact]
    public async Task TwoRuns_DownloadFromTheSavedRun_AndCompareShowsWhatChanged()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/calibrate.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", new Microsoft.Playwright.FilePayload { Name = "scores.jsonl", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(Upload) });
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#report:not([hidden])");
        await page.CheckAsync("#cross-validate");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#exemplar-note:not([hidden])");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-download=md]"));
        Assert.Matches("^calibration-[0-9a-f]+\\.md$", download.SuggestedFilename);
        Assert.Contains("QWK", await File.ReadAllTextAsync(await download.PathAsync()), StringComparison.Ordinal);

        await page.ClickAsync("#show-runs");
        await page.Locator("#runs tbody tr").Nth(1).WaitForAsync();
        Assert.Equal(2, await page.Locator("#runs tbody tr").CountAsync());
        await page.Locator("#runs tbody input[type=checkbox]").Nth(0).CheckAsync();
        await page.Locator("#runs tbody input[type=checkbox]").Nth(1).CheckAsync();
        await page.ClickAsync("#compare");
        await page.WaitForSelectorAsync("#comparison-section:not([hidden])");

        var text = await page.TextContentAsync("#comparison");
        Assert.Contains("All questions", text, StringComparison.Ordinal);
        Assert.Contains("QWK", text, StringComparison.Ordinal);
        Assert.Equal("6", await page.TextContentAsync("#comparison table [data-figure=n] td"));
        Assert.True(await page.Locator("#comparison table").CountAsync() >= 2);
    }

    [Fact]
    public async Task WithAWrongKey_SaysSoAndShowsNoReport()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/calibrate.html");
        await page.FillAsync("#reviewer-key", "wrong");
        await page.SetInputFilesAsync("#file", new Microsoft.Playwright.FilePayload { Name = "scores.jsonl", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(Upload) });
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#status.error");

        Assert.Contains("reviewer key", await page.TextContentAsync("#status"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#report").IsHiddenAsync());
    }
}
