using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class EvidenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task Grade_MarksExactlyTheWordsTheCandidateTyped()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        var monitoring = (await interview.CurrentQuestionAsync()).StartsWith("Which tools", StringComparison.Ordinal);
        var (first, second) = monitoring ? ("prometheus", "GRAFANA") : ("terraform", "ANSIBLE");
        // Characters outside the BMP before the evidence: the offsets are UTF-16 units, as JavaScript counts them.
        var answer = $"📈📊 Ünder load I'd use {first} for the numbers, and — naturally — {second} on top.";

        await interview.AnswerAsync(answer);

        var text = interview.Answers.First.Locator(".answer-text");
        await Expect(text.Locator("mark")).ToHaveTextAsync([first, second]);
        await Expect(text).ToHaveTextAsync(answer);
    }

    [Fact]
    public async Task Grade_ListsEveryKeyPointWithItsStatusAndScore()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        var question = await interview.CurrentQuestionAsync();

        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);

        var grade = interview.Answers.First.Locator(".grade");
        var covered = question.StartsWith("Which tools", StringComparison.Ordinal)
            ? "Collects the model's metrics with Prometheus."
            : "Describes the infrastructure as code with Terraform.";
        await Expect(grade.Locator(".key-point")).ToHaveCountAsync(2);
        await Expect(grade.Locator(".key-point[data-status=covered] .key-point-text")).ToHaveTextAsync(covered);
        await Expect(grade.Locator(".key-point[data-status=covered] .key-point-status")).ToHaveTextAsync("Covered:");
        await Expect(grade.Locator(".key-point[data-status=missing] .key-point-status")).ToHaveTextAsync("Missing:");
        await Expect(grade.Locator(".grade-score")).ToHaveTextAsync("Question score: 66.7 / 100");
        await Expect(grade.Locator(".grade-rule")).ToContainTextAsync("partly covered counts half");
        await Expect(grade.Locator(".grade-feedback")).ToHaveCountAsync(0);
    }
}
