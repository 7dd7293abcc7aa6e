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
    }
}
