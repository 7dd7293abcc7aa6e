using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Reports;

namespace Interviewer.Api.Tests.Grading;

public sealed class GradingApiTests
{
    private static readonly object Batch = new
    {
        bankId = "mlops-es",
        items = new object[]
        {
            new { id = "a1", questionId = "model-drift", answer = "La deriva del modelo: los datos de producción se alejan de los datos de entrenamiento con el tiempo." },
            new { id = "a2", questionId = "nope", answer = "algo" },
            new { id = "a3", questionId = "model-drift", answer = "" },
        },
    };

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Grade_WithoutKey_Is401Problem()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/grade", Batch);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Grade_WithWrongKey_Is403ProblemSayingTheTokenIsInvalid()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");

        using var response = await client.PostAsJsonAsync("/api/grade", Batch);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Grade_JsonBody_GradesGoodRowsAndReportsBadOnesInTheResults()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/grade", Batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<BatchReport>(InterviewerJson.Options))!;
        Assert.Equal(["a1", "a2", "a3"], report.Results.Select(r => r.Id));
        Assert.True(report.Results[0].Grade!.Score > 0);
        Assert.Equal("mlops-es", report.Results[0].Grade!.Bank.Id);
        Assert.Contains("unknown question", report.Results[1].Error, StringComparison.Ordinal);
        Assert.Equal("empty answer", report.Results[2].Error);
        Assert.Equal((3, 1, 2), (report.Summary.Rows, report.Summary.Graded, report.Summary.Failed));
    }

    [Fact]
    public async Task Grade_CsvUpload_GradesWithLineNumbers()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync(new Uri("/api/grade?bankId=mlops-es", UriKind.Relative),
            Csv("id;question;answer\r\nq1;¿Qué es la deriva del modelo o del concepto?;\"deriva del modelo\r\nen producción\"\r\nq2;model-drift;x\r\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("results");
        Assert.Equal("model-drift", results[0].GetProperty("questionId").GetString());
        Assert.Equal(2, results[0].GetProperty("line").GetInt32());
        Assert.Equal(4, results[1].GetProperty("line").GetInt32());
        Assert.Contains("exact text", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_FormatCsv_ReturnsARoundTrippableReportFile()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/grade?format=csv", Batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = CsvBatchReport.Read(new StringReader(await response.Content.ReadAsStringAsync())).ToList();
        Assert.Equal(["a1", "a2", "a3"], rows.Select(r => r.Id));
        Assert.NotNull(rows[0].Score);
        Assert.NotNull(rows[1].Error);
    }

    [Fact]
    public async Task Grade_AcceptHtml_ReturnsTheHtmlReport()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grade") { Content = JsonContent.Create(Batch) };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_BodyOverTheLimit_Is413ProblemNamingTheSetting()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxRequestBytes"] = "2048" });
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync(new Uri("/api/grade?bankId=mlops-es", UriKind.Relative),
            Csv("id,question_id,answer\n" + string.Concat(Enumerable.Repeat("a,model-drift,deriva del modelo en producción\n", 100))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Interviewer:Limits:MaxRequestBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ChunkedBodyOverTheLimit_Is413Problem()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxRequestBytes"] = "2048" });
        using var client = app.CreateReviewerClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("id,question_id,answer\n" + new string('x', 5000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grade?bankId=mlops-es") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Grade_MoreRowsThanTheLimit_Is413ProblemNamingTheSetting()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxBatchRows"] = "2" });
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/grade", Batch);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Interviewer:Limits:MaxBatchRows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_AnswerOverTheLengthLimit_IsARowError()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxAnswerLength"] = "10" });
        using var client = app.CreateReviewerClient();

        var report = await (await client.PostAsJsonAsync("/api/grade", Batch)).Content.ReadFromJsonAsync<BatchReport>(InterviewerJson.Options);

        Assert.Contains("too long", report!.Results[0].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"bankId\":\"nope\",\"items\":[]}", "application/json", HttpStatusCode.NotFound)]
    [InlineData("{\"bankId\":\"mlops-es\",\"grader\":\"llm\",\"items\":[]}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("<xml/>", "application/xml", HttpStatusCode.UnsupportedMediaType)]
    public async Task Grade_BadRequest_IsAProblem(string body, string contentType, HttpStatusCode expected)
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync(new Uri("/api/grade", UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheGradeRoute()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient(); // the OpenAPI document is a management route

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/grade", document, StringComparison.Ordinal);
        Assert.Contains("text/csv", document, StringComparison.Ordinal);
        Assert.Contains("GradeBatchRequest", document, StringComparison.Ordinal);
    }
}
