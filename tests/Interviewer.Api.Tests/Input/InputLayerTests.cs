using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Input;

/// <summary>One input layer: the same status and text for an unknown bank everywhere, names in either case, CSV with what-if.</summary>
public sealed class InputLayerTests
{
    private const string Asked = "Why do we write tests?";
    private const string Reference = "Tests find defects early and make refactoring safe.";

    // High scores use a word the drafted rubric lacks ("regressions"), so the calibration suggests adding it.
    private const string CalibrationCsv =
        "answer_id,question,reference_answer,answer,score_a,score_b,max_score\n" +
        $"h1,{Asked},{Reference},Tests catch regressions early so you can refactor.,5,5,5\n" +
        $"h2,{Asked},{Reference},They catch regressions early before users see them.,5,4,5\n" +
        $"h3,{Asked},{Reference},Regressions show up early and you can refactor.,4,4,5\n" +
        $"h4,{Asked},{Reference},Tests stop regressions early and let you refactor.,4,5,5\n" +
        $"l1,{Asked},{Reference},Because the manager says so.,1,1,5\n" +
        $"l2,{Asked},{Reference},Tests are nice to have early.,2,2,5\n" +
        $"l3,{Asked},{Reference},To refactor.,2,3,5\n" +
        $"l4,{Asked},{Reference},I do not know.,0,1,5\n";

    public static TheoryData<string, string, string, string> UnknownBankRequests => new()
    {
        { "GET", "/api/banks/nope", "", "" },
        { "POST", "/api/grade", "{\"bankId\":\"nope\",\"items\":[{\"questionId\":\"q\",\"answer\":\"a\"}]}", "application/json" },
        { "POST", "/api/grade?bankId=nope", "id,question_id,answer\n1,q,a\n", "text/csv" },
        { "POST", "/api/grade?bankId=nope", "{\"questionId\":\"q\",\"answer\":\"a\"}\n", "application/x-ndjson" },
        { "POST", "/api/calibrate", "{\"bank_id\":\"nope\",\"items\":[{\"question_id\":\"q\",\"answer\":\"a\",\"score\":1}]}", "application/json" },
        { "POST", "/api/calibrate?bankId=nope", "question_id,answer,score\nq,a,1\n", "text/csv" },
    };

    [Theory]
    [MemberData(nameof(UnknownBankRequests))]
    public async Task UnknownBank_OnEveryRoute_Is404WithTheSameProblem(string method, string path, string body, string contentType)
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bank not found", problem.GetProperty("title").GetString());
        Assert.Equal("unknown bank 'nope'; banks: mlops-es", problem.GetProperty("detail").GetString());
        Assert.Equal("nope", problem.GetProperty("bankId").GetString());
        Assert.Equal("mlops-es", Assert.Single(problem.GetProperty("banks").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task StartInterview_WithAnUnknownBank_IsNotFound()
    {
        await using var app = LiveApps.Create();
        await using var client = await HubTestClient.ConnectAsync(app);

        var code = await HubTestClient.ErrorCodeAsync(() => client.StartAsync(new StartInterviewRequest(BankId: "nope")));

        Assert.Equal("not_found", code);
    }

    [Fact]
    public async Task Grade_WithTheLlmGraderNotConfigured_Is400WithTheSharedText()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync(new Uri("/api/grade?bankId=mlops-es&grader=llm", UriKind.Relative),
            new StringContent("id,question_id,answer\n1,model-drift,x\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("the llm grader needs a model: set Interviewer__Llm__Provider (Interviewer:Llm:Provider) and its settings, see docs/llm.md; configured graders: keyword",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Grade_JsonItemsInSnakeCase_AreReadLikeCamelCase()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        const string Body = "{\"bank_id\":\"mlops-es\",\"items\":[{\"id\":\"a\",\"question_id\":\"model-drift\",\"answer\":\"data drift en producción\"},{\"id\":\"b\",\"questionId\":\"model-drift\",\"answer\":\"data drift en producción\"}]}";

        using var response = await client.PostAsync(new Uri("/api/grade", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("model-drift", r.GetProperty("questionId").GetString()));
        Assert.All(results, r => Assert.False(r.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String));
    }

    [Fact]
    public async Task Calibrate_CsvWithWhatIfIds_TriesThoseSuggestions()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        var first = await (await client.PostAsync(new Uri("/api/calibrate", UriKind.Relative), new StringContent(CalibrationCsv, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var suggestion = first.GetProperty("suggestions")[0].GetProperty("id").GetString();
        Assert.Equal("s1", suggestion);

        using var response = await client.PostAsync(new Uri($"/api/calibrate?whatIf={suggestion}", UriKind.Relative), new StringContent(CalibrationCsv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("whatIf");
        Assert.Equal(suggestion, Assert.Single(info.GetProperty("applied").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("overall").GetProperty("qwk").GetProperty("value").GetDouble(),
            info.GetProperty("before").GetProperty("qwk").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Calibrate_WhatIfWithAnUnknownId_Is400ListingTheSuggestions()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync(new Uri("/api/calibrate?whatIf=s999", UriKind.Relative), new StringContent(CalibrationCsv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("No suggestion 's999' in this calibration; it suggests: s1, s2.", problem.GetProperty("detail").GetString());
    }
}
