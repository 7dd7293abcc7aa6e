using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Calibration;

public sealed class CalibrationApiTests
{
    private const string Question = "Why do we write tests?";
    private const string Reference = "Tests find defects early and make refactoring safe.";

    private static object Item(string id, string answer, double a, double b) => new Dictionary<string, object>
    {
        ["answer_id"] = id, ["question_id"] = "why-tests", ["question"] = Question, ["reference_answer"] = Reference,
        ["answer"] = answer, ["score_a"] = a, ["score_b"] = b, ["max_score"] = 5,
    };

    private static readonly object[] Items =
    [
        Item("1", "Tests find defects early and make refactoring safe.", 5, 5),
        Item("2", "They find defects early.", 4, 3),
        Item("3", "Tests catch regressions before users do.", 5, 4),
        Item("4", "Because it is required.", 1, 0),
        Item("5", "Refactoring is safe with tests.", 3, 4),
        Item("6", "No idea.", 0, 1),
    ];

    [Fact]
    public async Task Calibrate_WithoutReviewerKey_IsUnauthorized()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { items = Items });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Calibrate_JsonWithTwoRaters_ReturnsTheReportWithHumansBesideTheGrader()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { items = Items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, report.GetProperty("rows").GetProperty("answers").GetInt32());
        Assert.Equal(JsonValueKind.Number, report.GetProperty("raters").GetProperty("alphaOrdinal").GetProperty("value").ValueKind);
        Assert.True(report.GetProperty("questions")[0].GetProperty("drafted").GetBoolean());
        Assert.True(report.GetProperty("overall").GetProperty("qwk").TryGetProperty("ci95", out _));
    }

    [Fact]
    public async Task Calibrate_Csv_IsReadLikeJson_AndBadRowsAreListedWithTheirLine()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        var csv = "question,reference_answer,answer,score,max_score\n" +
                  $"{Question},{Reference},Tests find defects early.,4,5\n" +
                  $"{Question},{Reference},Nothing.,7,5\n" +
                  $"{Question},{Reference},Refactoring is safe.,3,5\n";

        using var response = await client.PostAsync(new Uri("/api/calibrate", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("raters").ValueKind);
    }

    [Fact]
    public async Task Calibrate_WithMoreRowsThanTheLimit_Is413ProblemDetails()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxBatchRows"] = "3" });
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { items = Items });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("MaxBatchRows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WithMalformedJson_Is400ProblemDetails()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsync(new Uri("/api/calibrate", UriKind.Relative), new StringContent("{ \"items\": [", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Calibrate_WithUnknownGrader_Is400NamingTheConfiguredOnes()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { grader = "oracle", items = Items });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("keyword", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WhatIf_ReturnsTheNewAgreementBesideTheOld_AndSaysWhichSuggestionsDidNotApply()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        var first = await (await client.PostAsJsonAsync("/api/calibrate", new { items = Items })).Content.ReadFromJsonAsync<JsonElement>();
        var keyPoint = first.GetProperty("keyPoints")[0].GetProperty("keyPointId").GetString();
        var whatIf = new object[]
        {
            new { id = "mine", kind = "addPhrase", questionId = "why-tests", keyPointId = keyPoint, conceptIndex = 0, phrase = "regressions" },
            new { id = "bad", kind = "addPhrase", questionId = "why-tests", keyPointId = "nope", conceptIndex = 0, phrase = "x" },
        };

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { items = Items, whatIf });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var info = report.GetProperty("whatIf");
        Assert.Equal("mine", Assert.Single(info.GetProperty("applied").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("nope", Assert.Single(info.GetProperty("rejected").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.GetProperty("overall").GetProperty("qwk").GetProperty("value").GetDouble(),
            info.GetProperty("before").GetProperty("qwk").GetProperty("value").GetDouble());
    }
}
