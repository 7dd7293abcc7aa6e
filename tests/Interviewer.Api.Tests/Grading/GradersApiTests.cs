using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Grading;

public sealed class GradersApiTests
{
    [Fact]
    public async Task GetGraders_WithoutAnLlm_ListsOnlyKeyword()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        var graders = await client.GetFromJsonAsync<JsonElement>("/api/graders");

        Assert.Equal("keyword", graders.GetProperty("default").GetString());
        Assert.Equal(["keyword"], graders.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["keyword"], graders.GetProperty("practice").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task GetGraders_WithAnLlm_ListsThoseOpenToPracticeApart()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?>
        {
            ["Interviewer:Llm:Provider"] = "OpenAI",
            ["Interviewer:Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Interviewer:Llm:Model"] = "test-model",
            ["Interviewer:Limits:PracticeGraders:0"] = "LLM",
        });
        using var client = app.CreateClient();

        var graders = await client.GetFromJsonAsync<JsonElement>("/api/graders");

        Assert.Equal(["keyword", "llm", "dual"], graders.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["llm"], graders.GetProperty("practice").EnumerateArray().Select(n => n.GetString()));
    }
}
