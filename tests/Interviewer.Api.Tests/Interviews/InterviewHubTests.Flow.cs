using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics.Grading;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interviewer.Api.Tests.Interviews;

public abstract partial class InterviewHubTests
{
    [Fact]
    public async Task StartInterview_ReturnsSessionAndSendsTheFirstQuestion()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);

        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 5));
        var question = await client.NextQuestionAsync();

        Assert.Equal(32, started.SessionId.Length);
        Assert.Equal(64, started.ResumeToken.Length);
        Assert.Equal(new BankInfo("test-bank", "Test bank", "en", 3), started.Bank);
        Assert.Equal(2, started.TotalQuestions);
        Assert.Equal(started.SessionId, question.SessionId);
        Assert.Equal(1, question.Index);
        Assert.Equal(2, question.Total);
        Assert.Equal(1, question.Turn);
        Assert.False(question.IsFollowUp);
        Assert.NotEqual("faq", question.Category);
    }

    [Fact]
    public async Task FullInterview_WithCompleteAnswers_GradesEachAndCompletes()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 11));

        var asked = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var question = await client.NextQuestionAsync();
            Assert.Equal(i, question.Index);
            asked.Add(question.QuestionId);
            var (ack, graded) = await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
            Assert.Equal(i, ack.Turn);
            Assert.Equal(ack.AnswerId, graded.AnswerId);
            Assert.Equal(question.QuestionId, graded.Grade!.QuestionId);
            Assert.Equal(100, graded.Grade!.Score);
            Assert.Equal(GraderNames.Keyword, graded.Grade!.Grader);
            Assert.Equal(3, graded.Grade!.Bank.Version);
        }
        var completed = await client.NextCompletedAsync();

        Assert.Equal(3, asked.Distinct().Count());
        Assert.Equal(started.SessionId, completed.SessionId);
        Assert.Equal("completed", completed.Status);
        Assert.Equal(100, completed.OverallScore);
        Assert.Equal(asked, completed.Questions.Select(q => q.QuestionId));
        Assert.Empty(completed.Gaps);
        Assert.NotEmpty(completed.Strengths);
        Assert.False(client.HasPendingQuestion);
    }

    [Fact]
    public async Task SubmitAnswer_MissingKeyPoints_GetsOneFollowUpAndTheQuestionScoresTheUnion()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        Assert.Equal("beta-one", (await client.NextQuestionAsync()).QuestionId);

        var (_, firstGrade) = await client.AnswerAsync(started.SessionId, "Bananas are berries.");
        var followUp = await client.NextQuestionAsync();
        var (secondAck, secondGrade) = await client.AnswerAsync(started.SessionId, "Grapes grow on vines. Bananas are berries.");
        var completed = await client.NextCompletedAsync();

        Assert.True(firstGrade.Grade!.Score < 100);
        Assert.True(followUp.IsFollowUp);
        Assert.Equal("beta-one", followUp.QuestionId);
        Assert.Equal("Where do grapes grow?", followUp.Text);
        Assert.Equal(1, followUp.Index);
        Assert.Equal(2, followUp.Turn);
        Assert.Equal(2, secondAck.Turn);
        Assert.Equal(["beta-one-grapes"], followUp.Targets);
        Assert.Equal(["beta-one-grapes"], secondGrade.Grade!.KeyPoints.Select(k => k.Id));
        Assert.Equal((66.7, 66.7), (firstGrade.QuestionScore, firstGrade.Gained));
        Assert.Equal((100.0, 33.3), (secondGrade.QuestionScore, secondGrade.Gained));
        var question = Assert.Single(completed.Questions);
        Assert.True(question.FollowUpAsked);
        Assert.Equal(100, question.Score);
    }

    [Fact]
    public async Task SubmitAnswer_OnAQuestionWithExemplars_TheAnchoredScoreIsTheQuestionScoreOnEveryScreen()
    {
        var rubrics = EditableRubrics.Copy();
        rubrics.Write("exemplars/beta-one.jsonl", """
            {"id":"e1","answer":"Bananas are berries and grapes grow on vines.","score":4,"max_score":5}
            {"id":"e2","answer":"Bananas are berries.","score":2,"max_score":5}
            {"id":"e3","answer":"I like fruit.","score":0,"max_score":5}
            """);
        await using var app = App(new Dictionary<string, string?> { ["Interviewer:Rubrics:Path"] = rubrics.Root });
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["beta"]));
        await client.NextQuestionAsync();

        var (_, first) = await client.AnswerAsync(started.SessionId, "Bananas are berries.");
        Assert.True((await client.NextQuestionAsync()).IsFollowUp);
        var (_, second) = await client.AnswerAsync(started.SessionId, "Grapes grow on vines.");
        var completed = await client.NextCompletedAsync();
        using var http = app.CreateReviewerClient();
        using var transcript = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{started.SessionId}"));

        // The first answer's grade is anchored (its closest scored answer is e2, the same words) and its score is the question's.
        var anchoring = first.Grade!.Anchoring!;
        Assert.Equal("e2", first.Grade.Anchors![0].ExemplarId);
        Assert.Equal(first.Grade.Score, first.QuestionScore);
        Assert.NotEqual(66.7, first.QuestionScore);
        // The follow-up covers grapes (weight 1 of 3): the key-point part rises by 33.3, the question by (1 − weight) of it
        // (this team is harsher than the rubric, so the shifted score stays under 100).
        Assert.Null(second.Grade!.Anchoring);
        Assert.Equal(first.QuestionScore!.Value + ((1 - anchoring.Weight) * 100.0 / 3), second.QuestionScore!.Value, tolerance: 0.1);
        Assert.Equal(second.QuestionScore, Assert.Single(completed.Questions).Score);
        Assert.Equal(second.QuestionScore, completed.OverallScore);
        var turns = transcript.RootElement.GetProperty("transcript").EnumerateArray().Where(t => t.TryGetProperty("grade", out var g) && g.ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal([first.QuestionScore!.Value, second.QuestionScore!.Value], turns.Select(t => t.GetProperty("grade").GetProperty("questionScore").GetDouble()));
        Assert.Equal(first.Grade.Score, turns[0].GetProperty("grade").GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task SubmitAnswer_FollowUpAnswerStillMissing_MovesOnWithoutASecondFollowUp()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Categories: ["beta", "faq"], Seed: 3));
        var first = await client.NextQuestionAsync();

        await client.AnswerAsync(started.SessionId, "I do not know.");
        Assert.True((await client.NextQuestionAsync()).IsFollowUp);
        await client.AnswerAsync(started.SessionId, "Still no idea.");
        var next = await client.NextQuestionAsync();

        Assert.False(next.IsFollowUp);
        Assert.NotEqual(first.QuestionId, next.QuestionId);
        Assert.Equal(2, next.Index);
    }

    [Fact]
    public async Task SubmitAnswer_ResubmittedWithTheSameAnswerId_IsANoOpThatRepeatsTheOutcome()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 2));
        await client.NextQuestionAsync();
        var (ack, graded) = await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer, "answer-1");
        var second = await client.NextQuestionAsync();

        var again = await client.SubmitAsync(started.SessionId, "answer-1", LiveApps.CompleteAnswer);
        var regraded = await client.NextGradedAsync();
        var repeated = await client.NextQuestionAsync();

        Assert.Equal(ack, again);
        Assert.Equal("answer-1", regraded.AnswerId);
        Assert.Equal(graded.Grade!.Score, regraded.Grade!.Score);
        Assert.Equal(second, repeated);
        using var reviewer = app.CreateReviewerClient();
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{started.SessionId}");
        var transcript = detail.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(2, transcript.Count);
        Assert.Equal(JsonValueKind.Null, transcript[1].GetProperty("answer").ValueKind);
    }

    [Fact]
    public async Task Skip_MovesToTheNextQuestionAndEndInterview_SendsTheSummary()
    {
        await using var app = App();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 3, Seed: 9));
        var first = await client.NextQuestionAsync();

        await client.SkipAsync(started.SessionId);
        var second = await client.NextQuestionAsync();
        await client.EndAsync(started.SessionId);
        var completed = await client.NextCompletedAsync();

        Assert.Equal(2, second.Index);
        Assert.NotEqual(first.QuestionId, second.QuestionId);
        Assert.Equal("ended", completed.Status);
        Assert.Equal(0, completed.OverallScore);
        Assert.Equal(["skipped", "not_reached", "not_reached"], completed.Questions.Select(q => q.Status));
        Assert.Equal((0, 3), (completed.Answered, completed.Total));
    }

    [Fact]
    public async Task Graded_HasTheGradeFieldsAtTheTopLevel()
    {
        await using var app = App();
        // A raw connection: the page reads Graded as plain JSON.
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "hubs/interview")).Build();
        var raw = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("Graded", e => raw.TrySetResult(e));
        await connection.StartAsync().WaitAsync(HubTestClient.Timeout);
        var started = await connection.InvokeAsync<JsonElement>("StartInterview",
            JsonSerializer.Deserialize<JsonElement>("{\"questionCount\":1,\"categories\":[\"alpha\"],\"seed\":1}")).WaitAsync(HubTestClient.Timeout);
        var sessionId = started.GetProperty("sessionId").GetString()!;

        await connection.InvokeAsync<JsonElement>("SubmitAnswer",
            JsonSerializer.Deserialize<JsonElement>($"{{\"sessionId\":\"{sessionId}\",\"answerId\":\"a-1\",\"text\":\"{LiveApps.CompleteAnswer}\"}}")).WaitAsync(HubTestClient.Timeout);
        var graded = await raw.Task.WaitAsync(HubTestClient.Timeout);

        Assert.Equal(sessionId, graded.GetProperty("sessionId").GetString());
        Assert.Equal("a-1", graded.GetProperty("answerId").GetString());
        foreach (var field in new[] { "questionId", "turn", "score", "grader", "degraded", "bank", "keyPoints", "followUp", "feedback", "flags", "questionScore", "gained", "weights" })
        {
            Assert.True(graded.TryGetProperty(field, out _), $"Graded has no '{field}'");
        }
        Assert.False(graded.TryGetProperty("grade", out _));
        Assert.Contains(graded.GetProperty("keyPoints").EnumerateArray().Select(k => k.GetProperty("status").GetString()), s => s is "covered" or "partial" or "missing");
    }
}
