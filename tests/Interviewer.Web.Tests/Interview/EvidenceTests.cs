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
        await Expect(grade.Locator(".grade-rule")).ToContainTextAsync("partly covered counts in part");
        await Expect(grade.Locator(".grade-feedback")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Grade_OnAQuestionWithExemplars_ExplainsTheTeamsScaleAndShowsTheClosestAnswers()
    {
        var rubrics = TestRun.Folder("rubrics");
        foreach (var file in Directory.GetFiles(InterviewPage.FixtureRubrics, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rubrics.FullName, Path.GetRelativePath(InterviewPage.FixtureRubrics, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        // Both questions a one-question plan can ask get a harsh team's scored answers, one of them the partial answer word for word.
        foreach (var (id, text) in new[] { ("monitoring", "Which tools would you use to monitor a model in production?"), ("provisioning", "How would you provision the infrastructure for a model?") })
        {
            var exemplars = Path.Combine(rubrics.FullName, "web-en", "exemplars", $"{id}.jsonl");
            Directory.CreateDirectory(Path.GetDirectoryName(exemplars)!);
            File.WriteAllLines(exemplars, [
                $$"""{"id":"{{id}}-full","answer":"{{InterviewPage.FullAnswers[text]}}","score":4,"max_score":5}""",
                $$"""{"id":"{{id}}-part","answer":"{{InterviewPage.PartialAnswers[text]}}","score":2,"max_score":5}""",
            ]);
        }
        await using var app = InterviewPage.CreateApp(new Dictionary<string, string?> { ["Interviewer:Rubrics:Path"] = rubrics.FullName });
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        var question = await interview.CurrentQuestionAsync();

        await interview.AnswerAsync(InterviewPage.PartialAnswers[question]);

        var grade = interview.Answers.First.Locator(".grade");
        await Expect(grade.Locator(".grade-anchoring")).ToContainTextAsync("Scored against the hiring team's own scored answers: their scale moves the key-point score by −");
        await Expect(grade.Locator(".grade-anchors")).ToContainTextAsync("-part scored 2/5 (similarity 1.00)");
        // Shift −23.3 (team 80 and 40 against rubric 100 and 66.7); the answer's rubric score 66.7 → 43.3 on the team's scale;
        // its closest answers are "-part" (1) and "-full" (similarity 0.58 for monitoring, 0.46 for provisioning), so
        // closest ≈ 54.6 / 52.7 with weight ≈ 0.59 / 0.57 (the two exemplars, graded from each other, disagree with
        // their neighbour): 49.5 / 48.7.
        var expected = question.StartsWith("Which tools", StringComparison.Ordinal) ? "49.5" : "48.7";
        await Expect(grade.Locator(".grade-score")).ToHaveTextAsync($"Question score: {expected} / 100");
    }
}
