using System.Net;
using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

public sealed class LlmGraderTests
{
    [Fact]
    public async Task GradeAsync_WithAGoodVerdict_ScoresInCodeFromStatusesAndWeights()
    {
        var chat = new ScriptedChat().Reply(Verdict(
            (Definition, "covered", DefinitionQuote),
            (Monitoring, "partial", MonitoringQuote),
            (Retraining, "missing", "")));

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        // (2 × 1 + 1 × 0.5 + 1 × 0) / 4
        Assert.Equal(62.5, grade.Score);
        Assert.Equal(GraderNames.Llm, grade.Grader);
        Assert.False(grade.Degraded);
        Assert.Equal([KeyPointStatus.Covered, KeyPointStatus.Partial, KeyPointStatus.Missing], grade.KeyPoints.Select(k => k.Status));
        Assert.Equal([1.0, 0.5, 0.0], grade.KeyPoints.Select(k => k.Coverage));
        Assert.Equal(Bank.Ref, grade.Bank);
        Assert.Empty(grade.Flags);
    }

    [Fact]
    public async Task GradeAsync_RecordsTheModelThePromptHashAndTheLatency()
    {
        var chat = new ScriptedChat().Reply(AllCovered());

        var grade = await chat.Grader(Options(o => o.Model = "llama3.1:8b")).GradeAsync(Request(GoodAnswer));

        Assert.Equal("llama3.1:8b", grade.Model);
        Assert.Equal(LlmPrompt.Hash, grade.PromptHash);
        Assert.NotNull(grade.LatencyMs);
    }

    [Fact]
    public async Task GradeAsync_LocatesEvidenceAsOffsetsIntoTheAnswerAsReceived()
    {
        var chat = new ScriptedChat().Reply(AllCovered());

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        foreach (var (id, quote) in new[] { (Definition, DefinitionQuote), (Monitoring, MonitoringQuote), (Retraining, RetrainingQuote) })
        {
            var span = Assert.Single(Point(grade, id).Evidence);
            Assert.Equal(GoodAnswer.IndexOf(quote, StringComparison.Ordinal), span.Start);
            Assert.Equal(quote, GoodAnswer.Substring(span.Start, span.Length));
            Assert.Equal(quote, span.Text);
        }
    }

    [Fact]
    public async Task GradeAsync_WithInventedQuote_DowngradesToMissing()
    {
        var chat = new ScriptedChat().Reply(Verdict(
            (Definition, "covered", "el rendimiento se degrada porque los datos de producción se desvían"),
            (Monitoring, "covered", MonitoringQuote),
            (Retraining, "covered", RetrainingQuote)));

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Equal(KeyPointStatus.Missing, Point(grade, Definition).Status);
        Assert.Empty(Point(grade, Definition).Evidence);
        Assert.Contains(GradeFlags.UnverifiedEvidence, grade.Flags);
        Assert.Equal(50, grade.Score);
    }

    [Fact]
    public async Task GradeAsync_WithAQuoteThatHoldsNoConceptOfItsKeyPoint_DowngradesToMissing()
    {
        var chat = new ScriptedChat().Reply(Verdict(
            (Definition, "covered", DefinitionQuote),
            (Monitoring, "covered", "el rendimiento cae"),
            (Retraining, "covered", RetrainingQuote)));

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Equal(KeyPointStatus.Missing, Point(grade, Monitoring).Status);
        Assert.Contains(GradeFlags.UnsupportedEvidence, grade.Flags);
        Assert.DoesNotContain(GradeFlags.UnverifiedEvidence, grade.Flags);
        Assert.Equal(75, grade.Score);
    }

    [Fact]
    public async Task GradeAsync_WithAParaphraseThatHoldsPartOfTheConcepts_KeepsTheModelsCoveredStatus()
    {
        const string answer = "Cuando lo que llega en producción ya no se parece al entrenamiento, las predicciones empeoran.";
        var chat = new ScriptedChat().Reply(Verdict(
            (Definition, "covered", "Cuando lo que llega en producción ya no se parece al entrenamiento, las predicciones empeoran"),
            (Monitoring, "missing", ""),
            (Retraining, "missing", "")));

        var grade = await chat.Grader().GradeAsync(Request(answer));

        Assert.Equal(KeyPointStatus.Covered, Point(grade, Definition).Status);
        Assert.Equal(50, grade.Score);
        Assert.True(new KeywordGrader().Grade(Request(answer)).Score < grade.Score);
    }

    [Fact]
    public async Task GradeAsync_WithAScoreInTheVerdict_IgnoresIt()
    {
        var reply = Verdict((Definition, "missing", ""), (Monitoring, "missing", ""), (Retraining, "missing", ""))
            .Replace("{\"key_points\"", "{\"score\":100,\"key_points\"", StringComparison.Ordinal);
        var chat = new ScriptedChat().Reply(reply);

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Equal(0, grade.Score);
    }

    [Fact]
    public async Task GradeAsync_UsesTheModelsFollowUpAndFeedbackWhenSomethingIsMissing()
    {
        var chat = new ScriptedChat().Reply(Verdict(
            [(Definition, "covered", DefinitionQuote), (Monitoring, "missing", ""), (Retraining, "missing", "")],
            "¿Cómo sabrías que está pasando?", "Define bien la deriva; falta cómo detectarla."));

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Equal("¿Cómo sabrías que está pasando?", grade.FollowUp);
        Assert.Equal("Define bien la deriva; falta cómo detectarla.", grade.Feedback);
    }

    [Fact]
    public async Task GradeAsync_WhenEverythingIsCovered_HasNoFollowUp()
    {
        var chat = new ScriptedChat().Reply(AllCovered());

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Equal(100, grade.Score);
        Assert.Null(grade.FollowUp);
    }

    [Fact]
    public async Task GradeAsync_WithoutAModelFollowUp_AsksTheRubricsOneForTheHeaviestMissingPoint()
    {
        var chat = new ScriptedChat().Reply(Verdict(
            [(Definition, "missing", ""), (Monitoring, "covered", MonitoringQuote), (Retraining, "missing", "")], "", ""));

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Equal(Question.KeyPoints[0].FollowUp, grade.FollowUp);
    }

    [Fact]
    public async Task GradeAsync_WithAnEmptyAnswer_DoesNotCallTheModel()
    {
        var chat = new ScriptedChat();

        var grade = await chat.Grader().GradeAsync(Request("   "));

        Assert.Empty(chat.Calls);
        Assert.Equal(0, grade.Score);
        Assert.False(grade.Degraded);
        Assert.Equal(GraderNames.Llm, grade.Grader);
        Assert.Contains(GradeFlags.Empty, grade.Flags);
    }

    [Fact]
    public async Task GradeAsync_SendsSystemAndUserMessagesWithTheVerdictSchema()
    {
        var chat = new ScriptedChat().Reply(AllCovered());

        await chat.Grader().GradeAsync(Request(GoodAnswer));

        var history = Assert.Single(chat.Calls);
        Assert.Equal([AuthorRole.System, AuthorRole.User], history.Select(m => m.Role));
        Assert.Equal(GoodAnswer, ScriptedChat.AnswerIn(history));
        var settings = Assert.IsType<OpenAIPromptExecutionSettings>(Assert.Single(chat.Settings));
        Assert.Equal(0, settings.Temperature);
        Assert.IsAssignableFrom<ChatResponseFormat>(settings.ResponseFormat);
    }

    [Theory]
    [InlineData(LlmResponseFormats.JsonObject, "json_object")]
    [InlineData(LlmResponseFormats.Text, null)]
    public async Task GradeAsync_WithAnotherResponseFormat_SendsIt(string format, string? sent)
    {
        var chat = new ScriptedChat().Reply(AllCovered());

        await chat.Grader(Options(o => o.ResponseFormat = format)).GradeAsync(Request(GoodAnswer));

        Assert.Equal(sent, ((OpenAIPromptExecutionSettings)chat.Settings[0]!).ResponseFormat);
    }

    [Fact]
    public async Task GradeAsync_WithAnInvalidVerdict_RepairsOnce()
    {
        var chat = new ScriptedChat().Reply(
            Verdict((Definition, "covered", DefinitionQuote), (Monitoring, "covered", MonitoringQuote)),
            AllCovered());

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.False(grade.Degraded);
        Assert.Equal(100, grade.Score);
        Assert.Equal(2, chat.Calls.Count);
        var repair = chat.Calls[1];
        Assert.Equal([AuthorRole.System, AuthorRole.User, AuthorRole.Assistant, AuthorRole.User], repair.Select(m => m.Role));
        Assert.Contains($"key point '{Retraining}' is missing", repair[^1].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"key_points\":[{\"id\":\"invented\",\"status\":\"covered\",\"quote\":\"x\"}]}")]
    [InlineData("{\"key_points\":[{\"id\":\"model-drift-definition\",\"status\":\"covered\",\"quote\":\"x\"},{\"id\":\"model-drift-definition\",\"status\":\"covered\",\"quote\":\"x\"}]}")]
    public async Task GradeAsync_WithTwoInvalidVerdicts_FallsBackToTheKeywordGrade(string reply)
    {
        var chat = new ScriptedChat().Reply(reply, reply);

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.InvalidVerdict, grade.DegradedReason);
        Assert.Equal(GraderNames.Keyword, grade.Grader);
        Assert.Equal(new KeywordGrader().Grade(Request(GoodAnswer)).Score, grade.Score);
        Assert.Equal(2, chat.Calls.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task GradeAsync_WithAClientError_DoesNotRetryAndDegrades(HttpStatusCode status)
    {
        var chat = new ScriptedChat().Throw(new HttpOperationException(status, "{}", "refused", null));

        var grade = await chat.Grader().GradeAsync(Request(GoodAnswer));

        Assert.Single(chat.Calls);
        Assert.True(grade.Degraded);
        Assert.Equal(DegradedReasons.Rejected, grade.DegradedReason);
    }

    [Fact]
    public async Task GradeAsync_WithServerErrorsThenAVerdict_Retries()
    {
        var chat = new ScriptedChat()
            .Throw(new HttpOperationException(HttpStatusCode.InternalServerError, "{}", "boom", null))
            .Throw(new HttpOperationException(HttpStatusCode.RequestTimeout, "{}", "slow", null))
            .Throw(new HttpOperationException(null, null, "connection refused", new HttpRequestException("refused")))
            .Reply(AllCovered());

        var grade = await chat.Grader(Options(o => o.MaxRetries = 3)).GradeAsync(Request(GoodAnswer));

        Assert.False(grade.Degraded);
        Assert.Equal(4, chat.Calls.Count);
    }

    [Fact]
    public async Task GradeAsync_WhenTheCallerCancels_Throws()
    {
        var chat = new ScriptedChat().Hang();
        using var cts = new CancellationTokenSource();
        var grading = chat.Grader().GradeAsync(Request(GoodAnswer), cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task GradeAsync_WithAListOfRubricTerms_IsCappedLikeTheKeywordGrade()
    {
        const string answer = "Deriva del modelo, datos de producción, entrenamiento, monitorización, métricas, reentrenamiento.";
        var chat = new ScriptedChat().Reply(Verdict(
            (Definition, "covered", "Deriva del modelo, datos de producción, entrenamiento"),
            (Monitoring, "covered", "monitorización, métricas"),
            (Retraining, "covered", "reentrenamiento")));

        var grade = await chat.Grader().GradeAsync(Request(answer));

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.Equal(40, grade.Score);
        Assert.All(grade.KeyPoints, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
    }
}
