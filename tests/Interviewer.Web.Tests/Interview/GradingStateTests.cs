using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class GradingStateTests(BrowserFixture browser)
{
    [Fact]
    public async Task SentAnswer_ShowsGradingUntilTheGradeArrives()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        var page = interview.Page;
        var holding = false;
        var held = new List<string>();
        var gradeHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IWebSocketRoute? pageSide = null;
        // The test stands between page and hub and can hold back the frames that carry the grade.
        await page.RouteWebSocketAsync("**/hubs/interview**", socket =>
        {
            pageSide = socket;
            var server = socket.ConnectToServer();
            socket.OnMessage(frame => Forward(frame, server));
            server.OnMessage(frame =>
            {
                lock (held)
                {
                    if (holding && frame.Text is { } text && text.Contains("\"target\":\"Graded\"", StringComparison.Ordinal))
                    {
                        held.Add(text);
                        gradeHeld.TrySetResult();
                        return;
                    }
                }
                Forward(frame, socket);
            });
        });
        await page.ReloadAsync();
        await interview.StartAsync(questionCount: 1);
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];

        holding = true;
        await interview.AnswerBox.FillAsync(answer);
        await interview.AnswerBox.PressAsync("Control+Enter");

        var grading = page.Locator("#grading");
        await Expect(grading).ToHaveTextAsync("Grading your answer…");
        await Expect(page.Locator("#send")).ToBeDisabledAsync();
        await Expect(interview.Answers.First.Locator(".answer-text")).ToHaveTextAsync(answer);
        await gradeHeld.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await interview.Answers.First.Locator(".grade").CountAsync());

        string[] release;
        lock (held)
        {
            holding = false;
            release = [.. held];
        }
        foreach (var frame in release)
        {
            pageSide!.Send(frame);
        }

        await interview.WaitForGradeAsync(1);
        await Expect(grading).ToBeEmptyAsync();
        await Expect(interview.Summary).ToBeVisibleAsync();
    }

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        if (frame.Text is { } text)
        {
            to.Send(text);
        }
        else if (frame.Binary is { } binary)
        {
            to.Send(binary);
        }
    }
}
