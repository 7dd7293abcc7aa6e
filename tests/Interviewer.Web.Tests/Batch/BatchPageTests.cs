using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Reports;
using Interviewer.Rubrics.Tabular;
using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Interviewer.Web.Tests.Batch;

[Collection(BrowserCollection.Name)]
public sealed class BatchPageTests(BrowserFixture browser)
{
    private const string Csv =
        "id,question_id,answer,candidate\n" +
        "a1,model-drift,\"La deriva del modelo: los datos de producción se alejan de los datos de entrenamiento con el tiempo.\",ana\n" +
        "a2,no-such-question,algo,bob\n" +
        "a3,what-is-mlops,\"<img src=x onerror=\"\"window.__pwned=1\"\"> MLOps une machine learning y DevOps\",bob\n";

    [Fact]
    public async Task BatchPage_UploadingACsv_ShowsSortableResultsAndTheSummary()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/batch");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.Locator("#bank option[value='mlops-es']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "answers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) });
        await page.ClickAsync("#grade");
        await page.Locator("#results-table tbody tr").Nth(2).WaitForAsync();

        var ids = await page.Locator("#results-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(["a1", "a2", "a3"], ids);
        Assert.Contains("unknown question", await page.Locator("#results-table tbody tr.failed").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Graded 2 of 3 rows", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        // Markup in an answer never becomes elements: the rows are built from text only.
        Assert.Equal(0, await page.Locator("#results-table img, #results-table script").CountAsync());
        Assert.Equal("mlops-es", await page.EvaluateAsync<string>("() => document.querySelector('#bank').value"));
        Assert.Equal(InterviewerApp.ReviewerKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('interviewer.reviewerKey')"));

        // Sorting by score, twice: descending puts the best answer first and the failed row last.
        await page.ClickAsync("th[data-sort=score] button");
        await page.ClickAsync("th[data-sort=score] button");
        var sorted = await page.Locator("#results-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal("a2", sorted[^1]);
        Assert.Equal("descending", await page.GetAttributeAsync("th[data-sort=score]", "aria-sort"));
    }

    [Fact]
    public async Task BatchPage_DownloadingTheCsvReport_GivesTheGradesFromTheSavedRunWithoutGradingAgain()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        var gradeCalls = 0;
        page.Request += (_, request) => { if (request.Method == "POST" && request.Url.Contains("/api/grade", StringComparison.Ordinal)) gradeCalls++; };
        await page.GotoAsync("/batch");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.Locator("#bank option[value='mlops-es']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "answers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) });
        await page.ClickAsync("#grade");
        await page.Locator("#results-table tbody tr").Nth(2).WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-download=csv]"));
        var path = await download.PathAsync();

        Assert.Matches("^grades-[0-9a-f]+\\.csv$", download.SuggestedFilename);
        using var reader = new StreamReader(path);
        var rows = CsvBatchReport.Read(reader).ToList();
        Assert.Equal(["a1", "a2", "a3"], rows.Select(r => r.Id));
        Assert.Equal(1, gradeCalls);
    }

    [Fact]
    public async Task BatchPage_PastRuns_ListsTheRunAndOpensItAgainWithoutTheFile()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/batch");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.Locator("#bank option[value='mlops-es']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "answers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) });
        await page.ClickAsync("#grade");
        await page.Locator("#results-table tbody tr").Nth(2).WaitForAsync();

        var fresh = await browser.NewPageAsync(app.BaseAddress);
        await fresh.GotoAsync("/batch");
        await fresh.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await fresh.ClickAsync("#show-runs");
        var row = fresh.Locator("#runs tbody tr");
        await row.WaitForAsync();

        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("mlops-es v", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("1 failed", await row.TextContentAsync(), StringComparison.Ordinal);
        await row.Locator("[data-open]").ClickAsync();
        await fresh.Locator("#results-table tbody tr").Nth(2).WaitForAsync();
        Assert.Equal(["a1", "a2", "a3"], await fresh.Locator("#results-table tbody tr td:nth-child(2)").AllTextContentsAsync());
        Assert.Contains("opened from the saved run", await fresh.TextContentAsync("#message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchPage_WithAWrongKey_SaysTheKeyWasRefused()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/batch");
        await page.FillAsync("#reviewer-key", "wrong");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "answers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) });
        await page.ClickAsync("#grade");

        await page.Locator("#message.error").WaitForAsync();
        Assert.Contains("The reviewer key was not accepted", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#results").IsHiddenAsync());
        // The refused key is forgotten and asked for again.
        await page.Locator("#reviewer [role=alert]").WaitForAsync();
        Assert.Equal("", await page.InputValueAsync("#reviewer-key"));
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('interviewer.reviewerKey')"));
    }

    [Fact]
    public async Task HtmlReport_OpenedInChromium_ShowsTablesChartAndMarkedEvidenceWithoutRunningAnswers()
    {
        var bank = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")!;
        var items = BatchReader.Read(TabularReader.Read(new StringReader(Csv), TabularFormat.Csv), bank);
        var summary = new BatchSummaryBuilder(bank, "keyword");
        var results = new List<BatchResult>();
        await foreach (var result in BatchGrader.GradeAsync(items, bank, new KeywordGrader()))
        {
            results.Add(result);
            summary.Add(result);
        }
        var file = Path.Combine(TestRun.Folder("report").FullName, "report.html");
        await using (var writer = new StreamWriter(file))
        {
            BatchReports.WriteAll(BatchReports.Html, writer, bank, results, summary.Build(TimeSpan.FromSeconds(1)));
        }
        var page = await browser.NewPageAsync(new Uri("http://127.0.0.1/"));
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal("Informe de corrección por lotes: Entrevista de MLOps", await page.TitleAsync());
        Assert.Equal(10, await page.Locator("#distribution svg rect").CountAsync());
        Assert.True(await page.Locator("#questions tbody tr").CountAsync() >= 2);
        Assert.Equal(["ana", "bob"], await page.Locator("h3.candidate").AllTextContentsAsync());
        Assert.True(await page.Locator("#line-2 blockquote mark").CountAsync() > 0);
        Assert.True(await page.Locator("#line-2 .checklist li.covered").CountAsync() > 0);
        Assert.Contains("no-such-question", await page.Locator("#errors").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("<img src=x", await page.Locator("#line-4 blockquote").TextContentAsync(), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === 1"));
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
    }
}
