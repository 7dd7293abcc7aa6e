using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

/// <summary>An assessment opened from a reviewer's invitation link (/?invite=TOKEN): no setup, one attempt, the feedback it allows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationFlowTests(BrowserFixture browser)
{
    private const string Monitoring = "Which tools would you use to monitor a model in production?";

    [Fact]
    public async Task InvitationLink_StartsTheAssessmentWithoutSetup_RecordsAnswersWithoutAScore_AndAReloadResumesIt()
    {
        await using var app = InterviewPage.CreateApp();
        var invitation = await InviteAsync(app, "none", "monitoring", "provisioning");
        var page = await browser.NewPageAsync(app.BaseAddress);
        var interview = new InterviewLocators(page);

        await page.GotoAsync($"/?invite={invitation.Token}");

        await Expect(interview.Questions).ToHaveCountAsync(1);
        await Expect(page.Locator("#setup")).ToBeHiddenAsync();
        await Expect(page.Locator("#assessment-info")).ToContainTextAsync("Invitation for Ada. 2 questions from “Web test interview”.");
        await Expect(page.Locator("#assessment-info")).ToContainTextAsync("Your answers are recorded for the reviewer; no score is shown.");
        await Expect(page.Locator("#new-interview")).ToBeHiddenAsync();
        await Expect(interview.Questions.Last.Locator(".message-text")).ToHaveTextAsync(Monitoring);
        await page.Locator("#answer").FillAsync(InterviewPage.FullAnswers[Monitoring]);
        await page.Locator("#send").ClickAsync();
        await Expect(interview.Answers.First.Locator(".grade")).ToHaveTextAsync("Answer received.");
        await Expect(page.Locator(".grade-meter, .key-point, .grade-rule")).ToHaveCountAsync(0);
        await Expect(interview.Questions).ToHaveCountAsync(2);

        await page.ReloadAsync();

        await Expect(interview.Questions).ToHaveCountAsync(2);
        await Expect(page.Locator("#progress")).ToHaveTextAsync("Question 2 of 2");
        await Expect(page.Locator("#assessment-info")).ToContainTextAsync("Invitation for Ada.");
        await Expect(interview.Answers.First.Locator(".grade")).ToHaveTextAsync("Answer received.");
    }

    [Fact]
    public async Task InvitationWithScoreFeedback_ShowsTheQuestionScore_WithoutAnyKeyPointText()
    {
        await using var app = InterviewPage.CreateApp();
        var invitation = await InviteAsync(app, "score", "monitoring");
        var page = await browser.NewPageAsync(app.BaseAddress);
        var interview = new InterviewLocators(page);

        await page.GotoAsync($"/?invite={invitation.Token}");
        await Expect(interview.Questions).ToHaveCountAsync(1);
        await page.Locator("#answer").FillAsync("I would scrape the model's metrics with Prometheus every fifteen seconds.");
        await page.Locator("#send").ClickAsync();

        await Expect(interview.Answers.First.Locator(".grade-score")).ToHaveTextAsync("Question score: 66.7 / 100");
        await Expect(page.Locator(".key-point")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Grafana dashboards.", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedRevokedAndUnknownLinks_AreExplainedInTheCandidatesWords()
    {
        await using var app = InterviewPage.CreateApp();
        var used = await InviteAsync(app, "full", "monitoring");
        var revoked = await InviteAsync(app, "full", "monitoring");
        using (var reviewer = app.CreateReviewerClient())
        {
            using var response = await reviewer.DeleteAsync(new Uri($"/api/invitations/{revoked.InvitationId}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }
        var first = await browser.NewPageAsync(app.BaseAddress);
        await first.GotoAsync($"/?invite={used.Token}");
        await Expect(new InterviewLocators(first).Questions).ToHaveCountAsync(1);

        // Another browser (its own storage): the same link is already taken.
        var elsewhere = await browser.NewPageAsync(app.BaseAddress);
        await elsewhere.GotoAsync($"/?invite={used.Token}");
        await Expect(elsewhere.Locator("#invite-error")).ToContainTextAsync("This invitation has already been used.");
        await Expect(elsewhere.Locator("#invite-retry")).ToBeHiddenAsync();
        await Expect(elsewhere.Locator("#setup")).ToBeHiddenAsync();

        await elsewhere.GotoAsync($"/?invite={revoked.Token}");
        await Expect(elsewhere.Locator("#invite-error")).ToContainTextAsync("This invitation is no longer valid: it expired or was withdrawn.");

        var spanish = await browser.NewPageAsync(app.BaseAddress, locale: "es-ES");
        await spanish.GotoAsync("/?invite=0000000000000000000000000000000000000000000000000000000000000000");
        await Expect(spanish.Locator("#invite-error")).ToContainTextAsync("Este enlace de invitación no es válido.");
        await Expect(spanish.Locator("h1:visible")).ToHaveTextAsync("Evaluación");
    }

    private static async Task<(string InvitationId, string Token)> InviteAsync(InterviewerApp app, string feedback, params string[] questionIds)
    {
        using var reviewer = app.CreateReviewerClient();
        using var response = await reviewer.PostAsJsonAsync("/api/invitations", new { bankId = "web-en", questionIds, feedback, candidateName = "Ada" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return (body.GetProperty("invitationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    private sealed class InterviewLocators(Microsoft.Playwright.IPage page)
    {
        public Microsoft.Playwright.ILocator Questions => page.Locator("#transcript .message-question");
        public Microsoft.Playwright.ILocator Answers => page.Locator("#transcript .message-answer");
    }
}
