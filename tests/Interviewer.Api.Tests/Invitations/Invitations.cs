using System.Net.Http.Json;
using Interviewer.Api.Invitations;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics;

namespace Interviewer.Api.Tests.Invitations;

/// <summary>Creates invitations through the reviewers' API, as a reviewer would.</summary>
internal static class Invitations
{
    public static async Task<InvitationCreated> CreateAsync(InterviewerApp app, CreateInvitationRequest request)
    {
        using var reviewer = app.CreateReviewerClient();
        using var response = await reviewer.PostAsJsonAsync("/api/invitations", request, InterviewerJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InvitationCreated>(InterviewerJson.Options))!;
    }
}
