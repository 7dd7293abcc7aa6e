using System.IO.Compression;
using System.Text;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Interviewer.Web.Tests.Import;

[Collection(BrowserCollection.Name)]
public sealed class ImportPageTests(BrowserFixture browser)
{
    private const string Guide = """
        Data interview

        Core concepts

        What is a data pipeline?
        Description: It checks that the candidate knows how data moves between systems.
        Answer: A data pipeline moves data from sources to destinations, extracting, transforming and loading records on a schedule or as a stream.
        - Batch pipelines run on a schedule, for example every night.
        - Streaming pipelines process events continuously as they arrive.
        Figure 1: A pipeline from sources to a warehouse.

        What is a <script>window.__pwned=1</script> warehouse?
        A store for analytics.
        """;

    private static FilePayload File(string name = "data-guide.txt") => new() { Name = name, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Guide) };

    private static async Task<IPage> ImportAsync(IPage page)
    {
        await page.GotoAsync("/import.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", File());
        await page.ClickAsync("#import");
        await page.Locator("#draft:not([hidden])").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task ImportPage_UploadingAGuide_ShowsEachQuestionWithWhatWasFoundAndWhatToCheck()
    {
        await using var app = new InterviewerApp();
        var page = await ImportAsync(await browser.NewPageAsync(app.BaseAddress));

        Assert.Equal("Draft: Data interview (data-guide)", await page.TextContentAsync("#draft-title"));
        Assert.Equal("2 questions found, 2 drafted.", await page.TextContentAsync("#message"));
        var rows = page.Locator(".import-table tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("high", await rows.Nth(0).GetAttributeAsync("data-confidence"));
        Assert.Equal("description, answer (39 words), 2 list items", await rows.Nth(0).Locator("td").Nth(2).TextContentAsync());
        Assert.Equal("low", await rows.Nth(1).GetAttributeAsync("data-confidence"));
        Assert.Contains("Very short answer", await rows.Nth(1).Locator(".warnings").TextContentAsync(), StringComparison.Ordinal);
        // Document text is text: the markup in the second question is shown, never run.
        Assert.Contains("<script>", await rows.Nth(1).Locator("td").Nth(1).TextContentAsync(), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<object?>("() => window.__pwned"));

        await rows.Nth(0).Locator("summary").ClickAsync();
        var detail = await rows.Nth(0).Locator(".question-detail").TextContentAsync();
        Assert.Contains("It checks that the candidate knows how data moves between systems.", detail, StringComparison.Ordinal);
        Assert.Contains("caption: Figure 1: A pipeline from sources to a warehouse.", detail, StringComparison.Ordinal);
        Assert.Equal("Core concepts (core-concepts)", await page.TextContentAsync(".import-section h3"));
    }

    [Fact]
    public async Task ImportPage_Download_GivesTheBanksZip()
    {
        await using var app = new InterviewerApp();
        var page = await ImportAsync(await browser.NewPageAsync(app.BaseAddress));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));

        Assert.Equal("data-guide.zip", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        Assert.Contains("data-guide/bank.yaml", zip.Entries.Select(e => e.FullName));
        Assert.Equal(3, zip.Entries.Count);
    }

    [Fact]
    public async Task ImportPage_SaveWhenTheServerDoesNotAllowIt_SaysWhichSetting()
    {
        await using var app = new InterviewerApp();
        var page = await ImportAsync(await browser.NewPageAsync(app.BaseAddress));

        await page.ClickAsync("#save");
        await page.Locator("#save-message.error").WaitForAsync();

        Assert.Contains("Interviewer:Rubrics:Writable is false", await page.TextContentAsync("#save-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_NotAGuide_ShowsWhatWasWrong()
    {
        await using var app = new InterviewerApp();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/import.html");
        await page.FillAsync("#reviewer-key", InterviewerApp.ReviewerKey);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "guide.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("not a pdf") });

        await page.ClickAsync("#import");
        await page.Locator("#message.error").WaitForAsync();

        Assert.StartsWith("Document could not be imported: guide.pdf: the file is not a readable PDF document", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#draft").IsHiddenAsync());
    }

    [Fact]
    public async Task ImportPage_InSpanish_IsLabelledInSpanishAndInTheMenu()
    {
        await using var app = new InterviewerApp();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "es-ES" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/import.html");

        Assert.Equal("Importar una guía de entrevista", await page.TextContentAsync("h1"));
        Assert.Equal("Importar guía", await page.TextContentAsync(".site-nav a[aria-current=page]"));
        await page.GotoAsync("/");
        Assert.Equal("/import.html", await page.GetAttributeAsync(".site-nav a[data-i18n='nav.import']", "href"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task ImportPage_ChangingLanguage_RedrawsTheDraftInPlaceWithoutLosingIt()
    {
        await using var app = new InterviewerApp();
        var page = await ImportAsync(await browser.NewPageAsync(app.BaseAddress));

        await page.Locator(".site-header #language").SelectOptionAsync("es");

        Assert.Equal("Borrador: Data interview (data-guide)", await page.TextContentAsync("#draft-title"));
        Assert.Equal("2 preguntas encontradas, 2 en el borrador.", await page.TextContentAsync("#message"));
        Assert.Equal("Importar una guía de entrevista", await page.TextContentAsync("h1"));
        Assert.Equal(2, await page.Locator(".import-table tbody tr").CountAsync());
        Assert.Equal("Importar una guía de entrevista · Interviewer", await page.TitleAsync());
    }
}
