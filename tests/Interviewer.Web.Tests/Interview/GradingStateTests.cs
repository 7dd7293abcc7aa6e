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
        // The test stands between page and hub and can hold back the grade and everything after it.
        await page.RouteWebSocketAsync("**/hubs/interview**", socket =>
        {
            pageSide = socket;
            var server = socket.ConnectToServer();
            socket.OnMessage(frame => Forward(frame, server));
            server.OnMessage(frame =>
            {
                lock (held)
                {
                    if (holding && held.Count > 0 && frame.Text is { } later)
                    {
                        // What follows the grade (the next question or the summary) waits with it, in order.
                        held.Add(later);
                        return;
                    }
                    if (holding && frame.Text is { } text && IsGraded(text))
                    {
                        // One frame can carry several hub messages (each ends with the record separator): the answer's
                        // acknowledgement may travel with its grade. What comes before the grade goes on; the rest is held.
                        var messages = text.Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Select(m => m + '\u001e').ToList();
                        var grade = messages.FindIndex(IsGraded);
                        if (grade > 0)
                        {
                            socket.Send(string.Concat(messages.Take(grade)));
                        }
                        held.Add(string.Concat(messages.Skip(grade)));
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

    private static bool IsGraded(string message) => message.Contains("\"target\":\"Graded\"", StringComparison.Ordinal);

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
