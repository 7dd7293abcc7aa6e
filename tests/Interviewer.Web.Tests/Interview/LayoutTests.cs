using Interviewer.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Interviewer.Web.Tests.Interview;

[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    private const string HasHorizontalScroll = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth";

    [Fact]
    public async Task PhoneWidth_HasNoHorizontalScroll_FromSetupToGrade()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app, width: 390, height: 844);
        await Expect(interview.Page.Locator("#category-list input")).ToHaveCountAsync(2);
        Assert.False(await interview.Page.EvaluateAsync<bool>(HasHorizontalScroll));

        await interview.StartAsync(questionCount: 1);
        var question = await interview.CurrentQuestionAsync();
        // A long unbroken token (a URL, a hash) must wrap, not widen the page.
        await interview.AnswerAsync(InterviewPage.PartialAnswers[question] + " See https://example.invalid/" + new string('x', 300));

        Assert.False(await interview.Page.EvaluateAsync<bool>(HasHorizontalScroll));
        await interview.Page.ScreenshotAsync(new() { Path = Path.Combine(TestRun.Folder("screenshots").FullName, "phone.png"), FullPage = true });
    }

    [Fact]
    public async Task SpanishBank_ShowsTheInterfaceInSpanish()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);

        await interview.Page.Locator("#bank").SelectOptionAsync("web-es");
        await Expect(interview.Page.Locator("#start")).ToHaveTextAsync("Empezar la entrevista");
        await interview.StartAsync("web-es", questionCount: 1);

        Assert.Equal("es", await interview.Page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(interview.Progress).ToHaveTextAsync("Pregunta 1 de 1");
        await Expect(interview.Page.Locator("#send")).ToHaveTextAsync("Enviar respuesta");
        await interview.AnswerAsync("Usaría DVC para versionar los datos junto al código.");
        await Expect(interview.Answers.First.Locator(".key-point-status")).ToHaveTextAsync("Cubierto:");
        await Expect(interview.Summary.Locator("#summary-title")).ToHaveTextAsync("Resumen de la entrevista");
    }

    [Fact]
    public async Task EnglishBank_ShowsTheInterfaceInEnglish()
    {
        await using var app = InterviewPage.CreateApp();
        var interview = await InterviewPage.OpenAsync(browser, app);

        await interview.StartAsync("web-en", questionCount: 1);

        Assert.Equal("en", await interview.Page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(interview.Page.Locator("#send")).ToHaveTextAsync("Send answer");
        await Expect(interview.Page.Locator("label[for=answer]")).ToHaveTextAsync("Your answer");
        await Expect(interview.Page.Locator(".site-nav a[href='/batch.html']")).ToHaveTextAsync("Batch grading");
    }
}
