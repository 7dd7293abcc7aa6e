using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Banks;

public sealed class BanksApiTests
{
    [Fact]
    public async Task GetBanks_ListsTheShippedBank()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        var banks = await client.GetFromJsonAsync<JsonElement>("/api/banks");

        var bank = Assert.Single(banks.EnumerateArray());
        Assert.Equal("mlops-es", bank.GetProperty("id").GetString());
        Assert.True(bank.GetProperty("questionCount").GetInt32() > 0);
    }

    [Fact]
    public async Task GetBank_WithoutReviewerKey_HidesModelAnswersAndPhrases()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        var json = await client.GetStringAsync("/api/banks/mlops-es");

        Assert.Contains("\"questions\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("modelAnswer", json, StringComparison.Ordinal);
        Assert.DoesNotContain("phrases", json, StringComparison.Ordinal);
        Assert.DoesNotContain("followUp", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBank_WithoutReviewerKey_CarriesNoKeyPointText()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        var json = await client.GetStringAsync("/api/banks/mlops-es");

        var bank = JsonDocument.Parse(json).RootElement;
        var drift = bank.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("id").GetString() == "model-drift");
        Assert.Equal(["id", "category", "text", "keyPointCount"], drift.EnumerateObject().Select(p => p.Name));
        Assert.True(drift.GetProperty("keyPointCount").GetInt32() > 0);
        Assert.DoesNotContain("keyPoints", json, StringComparison.Ordinal);
        // Key-point texts of model-drift, as written in rubrics/mlops-es/questions/model-drift.yaml.
        Assert.DoesNotContain("Ambas derivas son cambios en el rendimiento", json, StringComparison.Ordinal);
        Assert.DoesNotContain("los datos de producción se desvían", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBank_WithReviewerKey_ShowsModelAnswersAndPhrases()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateReviewerClient();

        var json = await client.GetStringAsync("/api/banks/mlops-es");

        Assert.Contains("modelAnswer", json, StringComparison.Ordinal);
        Assert.Contains("phrases", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBank_Unknown_IsNotFoundProblem()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/banks/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("mlops-es", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_IsOk()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
    }
}
