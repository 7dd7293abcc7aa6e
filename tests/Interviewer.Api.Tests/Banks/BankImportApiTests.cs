using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Interviewer.Rubrics.Loading;

namespace Interviewer.Api.Tests.Banks;

public sealed class BankImportApiTests : IDisposable
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "import", "mlops-guide-es.txt");

    private const string SmallGuide = """
        Interview questions

        Containers

        What is a container image?
        Description: It checks the basics of packaging.
        Answer: A container image packages an application with its libraries and settings, so it runs the same on every machine.
        """;

    private readonly string _root = TestRun.Folder("import-api").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static MultipartFormDataContent Form(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    /// <summary>An app whose rubrics folder is a copy of the fixture bank's, so that saving writes nowhere shared.</summary>
    private InterviewerApp WritableApp(bool writable)
    {
        var rubrics = Path.Combine(_root, "rubrics");
        Directory.CreateDirectory(Path.Combine(rubrics, "test-bank", "questions"));
        foreach (var file in Directory.GetFiles(LiveApps.FixtureRubrics, "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(rubrics, Path.GetRelativePath(LiveApps.FixtureRubrics, file)), overwrite: true);
        }
        return LiveApps.Create(new Dictionary<string, string?>
        {
            ["Interviewer:Rubrics:Path"] = rubrics,
            ["Interviewer:Rubrics:Writable"] = writable ? "true" : "false",
        });
    }

    [Fact]
    public async Task Import_WithoutReviewerKey_IsUnauthorized()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/banks/import", Form(Encoding.UTF8.GetBytes(SmallGuide), "guide.txt"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Import_SeedGuide_ReturnsTheDraftedBankAndItsReview()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync("/api/banks/import", Form(await File.ReadAllBytesAsync(Seed), "mlops-guide-es.txt", ("title", "Entrevista de MLOps")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var bank = body.GetProperty("bank");
        Assert.Equal("mlops-guide-es", bank.GetProperty("id").GetString());
        Assert.Equal("Entrevista de MLOps", bank.GetProperty("title").GetString());
        Assert.Equal(36, bank.GetProperty("questions").GetArrayLength());
        Assert.Equal(5, bank.GetProperty("categories").GetArrayLength());
        var report = body.GetProperty("report");
        Assert.Equal(36, report.GetProperty("questionsFound").GetInt32());
        Assert.True(report.GetProperty("valid").GetBoolean());
        Assert.Equal("Describe una ocasión en la que tuviste que solucionar un problema en un modelo en producción. ¿Qué medidas tomaste?",
            report.GetProperty("questions")[25].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("savedTo").ValueKind);
    }

    [Fact]
    public async Task Import_AsZip_ReturnsTheBanksFilesThatLoad()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync("/api/banks/import?format=zip", Form(Encoding.UTF8.GetBytes(SmallGuide), "containers.txt", ("id", "containers")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("containers.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["containers/bank.yaml", "containers/questions/what-is-a-container-image.yaml"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        zip.ExtractToDirectory(_root);
        var bank = BankLoader.LoadOrThrow(Path.Combine(_root, "containers"));
        Assert.Equal("Interview questions", bank.Title);
        Assert.Equal("Containers", Assert.Single(bank.Categories).Title);
        Assert.Equal("It checks the basics of packaging.", Assert.Single(bank.Questions).Evaluates);
    }

    [Fact]
    public async Task Import_SaveWhenNotWritable_IsForbiddenNamingTheSetting()
    {
        await using var app = WritableApp(writable: false);
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync("/api/banks/import", Form(Encoding.UTF8.GetBytes(SmallGuide), "containers.txt", ("save", "true")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Interviewer:Rubrics:Writable is false", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "rubrics", "containers")));
    }

    [Fact]
    public async Task Import_SaveWhenWritable_WritesTheBankAndServesItAtOnce()
    {
        await using var app = WritableApp(writable: true);
        using var client = app.CreateReviewerClient();

        using var saved = await client.PostAsync("/api/banks/import", Form(Encoding.UTF8.GetBytes(SmallGuide), "containers.txt", ("save", "true")));
        using var again = await client.PostAsync("/api/banks/import", Form(Encoding.UTF8.GetBytes(SmallGuide), "containers.txt", ("save", "true")));
        using var served = await client.GetAsync("/api/banks/containers");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var folder = Path.Combine(_root, "rubrics", "containers");
        Assert.Equal(folder, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("savedTo").GetString());
        Assert.Equal("containers", BankLoader.LoadOrThrow(folder).Id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Import_OverTheSizeLimit_Is413NamingTheSetting()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxRequestBytes"] = "2048" });
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync("/api/banks/import", Form(new byte[4096], "big.txt"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Interviewer:Limits:MaxRequestBytes", problem.GetProperty("limit").GetString());
    }

    [Theory]
    [InlineData("guide.pdf", "this is text, not a PDF", "guide.pdf: the file is not a readable PDF document")]
    [InlineData("guide.odt", "x", "unknown document type '.odt' (guide.odt); supported: .txt, .md, .html, .docx, .pdf.")]
    [InlineData("notes.md", "# Notes\n\nWe fixed bugs. Did you notice? Thanks.", "notes.md: no question found")]
    public async Task Import_BadDocument_Is400SayingWhatWasWrong(string fileName, string content, string expected)
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync("/api/banks/import", Form(Encoding.UTF8.GetBytes(content), fileName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Document could not be imported", problem.GetProperty("title").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NotAForm_Is415()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/banks/import", new { file = "x" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DeclaresTheImportRoute()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var post = document.GetProperty("paths").GetProperty("/api/banks/import").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _));
    }
}
