using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests;

/// <summary>Reads a candidate's progress the way their browser does: the token in X-Candidate-Token.</summary>
internal static class CandidateProgressClient
{
    public static HttpRequestMessage Request(string candidateId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/candidates/{candidateId}/progress", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("X-Candidate-Token", token);
        }
        return request;
    }

    public static async Task<JsonElement> GetAsync(InterviewerApp app, string candidateId, string token)
    {
        using var client = app.CreateClient();
        using var response = await client.SendAsync(Request(candidateId, token));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<string>> SessionIdsAsync(InterviewerApp app, string candidateId, string token) =>
        (await GetAsync(app, candidateId, token)).GetProperty("interviews").EnumerateArray().Select(i => i.GetProperty("sessionId").GetString()!).ToList();
}
