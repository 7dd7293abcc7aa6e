using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Calibration;

public sealed class CalibrationLimitsTests
{
    [Fact]
    public async Task Calibrate_With1200RaterColumns_IsRefusedFast_Before_AnyGrading()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();
        var raters = Enumerable.Range(1, 1200).Select(i => $"score_r{i}").ToList();
        var csv = new StringBuilder("answer_id,question_id,question,reference_answer,answer,max_score,")
            .AppendJoin(',', raters).Append('\n')
            .Append("1,why-tests,Why do we write tests?,Tests find defects early.,They find defects early.,5,")
            .AppendJoin(',', raters.Select(_ => "3")).Append('\n')
            .ToString();
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync(new Uri("/api/calibrate", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Interviewer:Limits:MaxCalibrationRaters", problem.GetProperty("limit").GetString());
        Assert.Contains("More than 50 distinct raters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(response.Content.Headers.ContentLength is null or < 2_000);
    }

    [Fact]
    public async Task Calibrate_RowsTimesRaters_OverTheRowLimit_Is413NamingMaxBatchRows()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxBatchRows"] = "10" });
        using var client = app.CreateReviewerClient();
        // 4 rows, under the row limit as sent; 12 once each of 3 raters' columns is a row.
        var items = Enumerable.Range(1, 4).Select(i => new Dictionary<string, object>
        {
            ["answer_id"] = $"{i}", ["question_id"] = "why-tests", ["question"] = "Why do we write tests?",
            ["reference_answer"] = "Tests find defects early.", ["answer"] = "They find defects.", ["max_score"] = 5,
            ["score_a"] = 3, ["score_b"] = 4, ["score_c"] = 2,
        }).ToArray();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { items });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Interviewer:Limits:MaxBatchRows", problem.GetProperty("limit").GetString());
        Assert.Contains("once each rater's score_* column counts as a row", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WithTooManyWhatIfIds_Is413NamingTheSetting()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Limits:MaxWhatIfSuggestions"] = "3" });
        using var client = app.CreateReviewerClient();
        var items = new[]
        {
            new Dictionary<string, object>
            {
                ["question_id"] = "why-tests", ["question"] = "Why do we write tests?", ["reference_answer"] = "Tests find defects early.",
                ["answer"] = "They find defects.", ["score"] = 3, ["max_score"] = 5,
            },
        };

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { items, whatIf = new[] { "s1", "s2", "s3", "s4" } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Interviewer:Limits:MaxWhatIfSuggestions", problem.GetProperty("limit").GetString());
        Assert.Contains("4 what-if suggestions; at most 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
