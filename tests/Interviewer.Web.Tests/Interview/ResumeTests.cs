using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class ResumeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Reload_MidInterview_RestoresTranscriptCurrentQuestionAndDraft()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 2);
        var firstQuestion = await interview.CurrentQuestionAsync();
        var firstAnswer = InterviewPage.FullAnswers[firstQuestion];
        await interview.AnswerAsync(firstAnswer);
        await Expect(interview.Questions).ToHaveCountAsync(2);
        var secondQuestion = await interview.CurrentQuestionAsync();
        const string draft = "Half an answer, still being typed…\nwith a second line";
        await interview.AnswerBox.FillAsync(draft);

        await interview.Page.ReloadAsync();

        await Expect(interview.Questions).ToHaveCountAsync(2);
        await Expect(interview.Questions.Locator(".message-text")).ToHaveTextAsync([firstQuestion, secondQuestion]);
        await Expect(interview.Answers).ToHaveCountAsync(1);
        await Expect(interview.Answers.First.Locator(".answer-text")).ToHaveTextAsync(firstAnswer);
        await Expect(interview.Answers.First.Locator(".answer-text mark")).ToHaveCountAsync(2);
        await Expect(interview.Answers.First.Locator(".grade .key-point")).ToHaveCountAsync(2);
        await Expect(interview.Progress).ToHaveTextAsync("Question 2 of 2");
        await Expect(interview.AnswerBox).ToHaveValueAsync(draft);
        await Expect(interview.AnswerBox).ToBeEnabledAsync();

        // And the interview carries on from there.
        await interview.AnswerAsync(InterviewPage.FullAnswers[secondQuestion]);
        await Expect(interview.Summary).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reload_AfterTheEnd_ShowsTheSummaryAgain()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        await interview.AnswerEverythingAsync();
        var overall = await interview.Summary.Locator(".summary-overall").TextContentAsync();

        await interview.Page.ReloadAsync();

        await Expect(interview.Summary).ToBeVisibleAsync();
        await Expect(interview.Summary.Locator(".summary-overall")).ToHaveTextAsync(overall!);
        await Expect(interview.Answers).ToHaveCountAsync(1);
        await Expect(interview.Page.Locator("#answer-form")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Reload_WithAnUnknownSession_OffersANewInterview()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.Page.EvaluateAsync(
            "() => localStorage.setItem('interviewer.session', JSON.stringify({ sessionId: 'no-such-session', resumeToken: 'nope', bank: { id: 'web-en', title: 'x', language: 'en', version: 1 } }))");

        await interview.Page.ReloadAsync();

        await Expect(interview.Page.Locator("#setup")).ToBeVisibleAsync();
        await Expect(interview.Page.Locator("#setup-notice")).ToHaveTextAsync("Your previous interview could not be resumed; you can start a new one.");
        Assert.Null(await interview.Page.EvaluateAsync<string?>("() => localStorage.getItem('interviewer.session')"));
    }

    [Fact]
    public async Task Reload_WithAnUnacknowledgedAnswer_SendsItAgainWithTheSameAnswerId()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 1);
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];
        // As if the tab had closed between sending the answer and its acknowledgement.
        await interview.Page.EvaluateAsync(
            """
            text => {
              const { sessionId } = JSON.parse(localStorage.getItem('interviewer.session'));
              const key = document.querySelector('#transcript .message-question').dataset.questionKey;
              localStorage.setItem(`interviewer.pending.${sessionId}`, JSON.stringify({ answerId: 'answer-sent-before-reload', text, questionKey: key }));
            }
            """, answer);

        await interview.Page.ReloadAsync();

        await interview.WaitForGradeAsync(1);
        await Expect(interview.Answers.First).ToHaveAttributeAsync("data-answer-id", "answer-sent-before-reload");
        await Expect(interview.Answers.First.Locator(".answer-text")).ToHaveTextAsync(answer);
        await Expect(interview.Summary).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reload_WithAnAnswerTheServerAlreadyHas_DoesNotSendItTwice()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);
        await interview.StartAsync(questionCount: 2);
        var answer = InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()];
        await interview.AnswerAsync(answer);
        await Expect(interview.Questions).ToHaveCountAsync(2);
        var oldAnswerId = await interview.Answers.First.GetAttributeAsync("data-answer-id");
        Assert.False(string.IsNullOrEmpty(oldAnswerId));
        // As if the acknowledgement, not the answer, had been lost: the answer is still marked pending.
        await interview.Page.EvaluateAsync(
            """
            text => {
              const { sessionId } = JSON.parse(localStorage.getItem('interviewer.session'));
              const answerId = document.querySelector('#transcript .message-answer').dataset.answerId;
              const key = document.querySelector('#transcript .message-question').dataset.questionKey;
              localStorage.setItem(`interviewer.pending.${sessionId}`, JSON.stringify({ answerId, text, questionKey: key }));
            }
            """, answer);

        var submitted = new System.Collections.Concurrent.ConcurrentQueue<string>();
        interview.Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            if (frame.Text is { } text && text.Contains("\"target\":\"SubmitAnswer\"", StringComparison.Ordinal))
            {
                submitted.Enqueue(text);
            }
        };

        await interview.Page.ReloadAsync();

        await Expect(interview.Questions).ToHaveCountAsync(2);
        await Expect(interview.AnswerBox).ToBeEnabledAsync();
        await Expect(interview.Answers).ToHaveCountAsync(1);
        await Expect(interview.Progress).ToHaveTextAsync("Question 2 of 2");
        Assert.Equal(0, await interview.Page.EvaluateAsync<int>(
            "() => Object.keys(localStorage).filter(k => k.startsWith('interviewer.pending.')).length"));
        // The next answer is the first SubmitAnswer on the wire after the reload: the old one was never sent again.
        await interview.AnswerAsync(InterviewPage.FullAnswers[await interview.CurrentQuestionAsync()]);
        var first = Assert.Single(submitted);
        Assert.DoesNotContain(oldAnswerId, first, StringComparison.Ordinal);
    }
}
