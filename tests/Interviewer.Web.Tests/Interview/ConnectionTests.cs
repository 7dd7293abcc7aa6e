using Interviewer.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class ConnectionTests(BrowserFixture browser)
{
    [Fact]
    public async Task RateLimitedAnswer_IsExplainedInWordsAndTheTextIsKept()
    {
        // StartInterview and the first answer use the connection's two messages; the second answer is refused.
        await using var app = InterviewPage.CreateApp(new Dictionary<string, string?> { ["Interviewer:Limits:HubMessagesPerMinute"] = "2" });
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 2);
        await interview.AnswerAsync(InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()]);
        await Expect(interview.Questions).ToHaveCountAsync(2);
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];

        await interview.AnswerBox.FillAsync(answer);
        await interview.AnswerBox.PressAsync("Control+Enter");

        await Expect(interview.AnswerError).ToContainTextAsync("Too many messages in a short time. Wait a moment and try again.");
        await Expect(interview.AnswerBox).ToHaveValueAsync(answer);
        await Expect(interview.AnswerBox).ToBeEnabledAsync();
        await Expect(interview.Answers).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ConnectionDrop_IsAnnounced_AndTheAnswerIsSentOnceItIsBack()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        var page = interview.Page;
        var offline = false;
        var sockets = new List<IWebSocketRoute>();
        // Every hub connection goes through the test, which can cut it and refuse new ones.
        await page.RouteWebSocketAsync("**/hubs/interview**", async socket =>
        {
            if (offline)
            {
                await socket.CloseAsync();
                return;
            }
            lock (sockets)
            {
                sockets.Add(socket);
            }
            socket.ConnectToServer();
        });
        await page.RouteAsync("**/hubs/interview/negotiate**", route => offline ? route.AbortAsync() : route.ContinueAsync());
        await page.ReloadAsync();
        await interview.StartAsync(questionCount: 1);
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];

        offline = true;
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }
        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }
        await Expect(interview.Connection).ToContainTextAsync("Connection lost. Reconnecting…");
        await interview.AnswerBox.FillAsync(answer);
        await interview.AnswerBox.PressAsync("Control+Enter");
        await Expect(interview.Answers.First.Locator(".message-state")).ToHaveTextAsync("Waiting for the connection to send your answer…");

        offline = false;

        await Expect(interview.Connection).ToHaveTextAsync("Connected again.");
        await interview.WaitForGradeAsync(1);
        await Expect(interview.Answers).ToHaveCountAsync(1);
        await Expect(interview.Answers.First.Locator(".answer-text")).ToHaveTextAsync(answer);
        await Expect(interview.Summary).ToBeVisibleAsync();
    }
}
