using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interviewer.Api.Storage;
using Interviewer.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interviewer.Api.Tests.Runs;

public sealed class RunsApiTests
{
    private static readonly object Batch = new
    {
        bankId = "mlops-es",
        items = new object[]
        {
            new { id = "a1", questionId = "model-drift", answer = "El data drift aparece cuando los datos de producción se alejan de los de entrenamiento." },
            new { id = "a2", questionId = "nope", answer = "algo" },
        },
    };

    internal const string CalibrationCsv =
        "answer_id,question,reference_answer,answer,score,max_score\n" +
        "h1,Why test?,Tests find defects early and make refactoring safe.,Tests find defects early.,4,5\n" +
        "h2,Why test?,Tests find defects early and make refactoring safe.,Refactoring is safe with tests.,3,5\n" +
        "l1,Why test?,Tests find defects early and make refactoring safe.,No idea.,0,5\n";

    [Fact]
    public async Task Runs_WithoutReviewerKey_AreUnauthorized()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/runs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Grade_SavesTheRun_WithWhoWhatAndItsSummary()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        var before = DateTimeOffset.UtcNow;

        using var graded = await client.PostAsJsonAsync("/api/grade", Batch);
        var runId = (await graded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        var runs = (await client.GetFromJsonAsync<JsonElement>("/api/runs")).EnumerateArray().ToList();

        Assert.Equal(runId, graded.Headers.GetValues("X-Run-Id").Single());
        Assert.Equal($"/api/runs/{runId}", graded.Headers.Location?.OriginalString);
        var run = Assert.Single(runs);
        Assert.Equal(runId, run.GetProperty("id").GetString());
        Assert.Equal("grade", run.GetProperty("kind").GetString());
        Assert.Equal("reviewer", run.GetProperty("reviewer").GetString());
        Assert.Equal("mlops-es", run.GetProperty("bank").GetProperty("id").GetString());
        Assert.Equal("keyword", run.GetProperty("grader").GetString());
        Assert.Equal(2, run.GetProperty("rows").GetInt32());
        Assert.Equal(1, run.GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.InRange(run.GetProperty("createdAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task RunDownloads_ComeFromTheStoredRun_NotFromGradingAgain()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        var runId = (await (await client.PostAsJsonAsync("/api/grade", Batch)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        // Change the stored score: a download that graded again would show the grader's score instead.
        await ChangeStoredRunAsync(app, runId, result => result["results"]![0]!["score"] = 12.5);

        var csv = await client.GetStringAsync($"/api/runs/{runId}?format=csv");
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}?format=json");
        var html = await client.GetStringAsync($"/api/runs/{runId}?format=html");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");

        Assert.StartsWith("id,question_id,score,", csv, StringComparison.Ordinal);
        Assert.Contains("a1,model-drift,12.5,keyword", csv, StringComparison.Ordinal);
        Assert.Equal(12.5, json.GetProperty("results")[0].GetProperty("score").GetDouble());
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(12.5, detail.GetProperty("report").GetProperty("results")[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Calibrate_SavesTheRun_AndItsReportsDownload()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var calibrated = await client.PostAsync(new Uri("/api/calibrate", UriKind.Relative), new StringContent(CalibrationCsv, Encoding.UTF8, "text/csv"));
        var report = await calibrated.Content.ReadFromJsonAsync<JsonElement>();
        var runId = report.GetProperty("runId").GetString();
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}?format=json");
        var markdown = await client.GetStringAsync($"/api/runs/{runId}?format=md");
        using var csv = await client.GetAsync(new Uri($"/api/runs/{runId}?format=csv", UriKind.Relative));
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/runs?kind=calibration")).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, calibrated.StatusCode);
        Assert.Equal(report.GetProperty("headline").GetString(), json.GetProperty("headline").GetString());
        Assert.False(json.TryGetProperty("runId", out _));
        Assert.Contains(report.GetProperty("headline").GetString()!, markdown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal("calibration", listed.GetProperty("kind").GetString());
        Assert.Equal(3, listed.GetProperty("rows").GetInt32());
        Assert.Equal(report.GetProperty("headline").GetString(), listed.GetProperty("summary").GetProperty("headline").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/runs?kind=grade")).EnumerateArray());
    }

    [Fact]
    public async Task UnknownRun_IsNotFound()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        using var response = await client.GetAsync(new Uri("/api/runs/0123456789abcdef0123456789abcdef?format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task ChangeStoredRunAsync(InterviewerApp app, string runId, Action<JsonNode> change)
    {
        await using var context = app.Services.GetRequiredService<InterviewDb>().CreateContext();
        var row = await context.Runs.SingleAsync(r => r.Id == runId);
        var result = JsonNode.Parse(row.ResultJson)!;
        change(result);
        row.ResultJson = result.ToJsonString();
        await context.SaveChangesAsync();
    }
}
