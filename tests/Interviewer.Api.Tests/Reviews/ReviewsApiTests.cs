using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Interviews;
using Interviewer.Api.Storage;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Grading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Interviewer.Api.Tests.Reviews;

public sealed class ReviewsApiTests
{
    /// <summary>Starts one-question interviews and answers each completely: one answered turn (turn 1) per session.</summary>
    private static async Task<List<string>> AnsweredSessionsAsync(InterviewerApp app, int count)
    {
        await using var hub = await HubTestClient.ConnectAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var started = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 1, Categories: ["alpha"], Seed: i));
            await hub.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);
            await hub.NextCompletedAsync();
            ids.Add(started.SessionId);
        }
        return ids;
    }

    private static Task<HttpResponseMessage> PutReviewAsync(HttpClient client, string sessionId, int turn, object body) =>
        client.PutAsJsonAsync(new Uri($"/api/sessions/{sessionId}/turns/{turn}/review", UriKind.Relative), body);

    private static async Task<string> QuestionOfAsync(HttpClient client, string sessionId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}")).GetProperty("plan")[0].GetString()!;

    [Fact]
    public async Task Review_WithoutReviewerKey_IsUnauthorized()
    {
        await using var app = LiveApps.Create();
        using var client = app.CreateClient();

        using var put = await PutReviewAsync(client, "x", 1, new { score = 1 });
        using var queue = await client.GetAsync(new Uri("/api/reviews/queue", UriKind.Relative));
        using var export = await client.GetAsync(new Uri("/api/reviews", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }

    [Fact]
    public async Task Review_IsStoredWithWhoAndWhen_ShownBesideTheGrade_AndASecondOneReplacesIt()
    {
        await using var app = LiveApps.Create();
        var session = (await AnsweredSessionsAsync(app, 1))[0];
        using var reviewer = app.CreateReviewerClient();
        var question = await QuestionOfAsync(reviewer, session);
        var keyPoint = question == "alpha-one" ? "alpha-one-apples" : "alpha-two-cherries";
        var before = DateTimeOffset.UtcNow;

        using var first = await PutReviewAsync(reviewer, session, 1, new { score = 4, maxScore = 5, keyPoints = new[] { new { id = keyPoint, status = "partial" } }, note = "Falta el porqué." });
        using var second = await PutReviewAsync(reviewer, session, 1, new { score = 3, maxScore = 5, note = "Revisado otra vez." });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}");
        var review = Assert.Single(detail.GetProperty("reviews").EnumerateArray());
        Assert.Equal(1, review.GetProperty("turn").GetInt32());
        Assert.Equal("reviewer", review.GetProperty("reviewer").GetString());
        Assert.Equal(3, review.GetProperty("score").GetDouble());
        Assert.Equal(5, review.GetProperty("maxScore").GetDouble());
        Assert.Equal(60, review.GetProperty("percent").GetDouble());
        Assert.Equal("Revisado otra vez.", review.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, review.GetProperty("keyPoints").ValueKind);
        Assert.InRange(review.GetProperty("reviewedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
        Assert.Equal(100, detail.GetProperty("transcript")[0].GetProperty("grade").GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Review_KeyPointVerdicts_AreKept()
    {
        await using var app = LiveApps.Create();
        var session = (await AnsweredSessionsAsync(app, 1))[0];
        using var reviewer = app.CreateReviewerClient();
        var keyPoint = await QuestionOfAsync(reviewer, session) == "alpha-one" ? "alpha-one-apples" : "alpha-two-cherries";

        var saved = await (await PutReviewAsync(reviewer, session, 1, new { score = 50, keyPoints = new[] { new { id = keyPoint, status = "Partial" } } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(100, saved.GetProperty("maxScore").GetDouble());
        var verdict = Assert.Single(saved.GetProperty("keyPoints").EnumerateArray());
        Assert.Equal(keyPoint, verdict.GetProperty("id").GetString());
        Assert.Equal("partial", verdict.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"score\":6,\"maxScore\":5}", "'score' is 6; it must be from 0 to 5 (maxScore).")]
    [InlineData("{\"maxScore\":5}", "'score' is required: a number from 0 to maxScore (100 when not given).")]
    [InlineData("{\"score\":1,\"maxScore\":0}", "'maxScore' is 0; it must be greater than 0 and at most 1000.")]
    [InlineData("{\"score\":1,\"keyPoints\":[{\"id\":\"nope\",\"status\":\"covered\"}]}", "'keyPoints' names 'nope', which is not a key point of this question")]
    public async Task Review_WithABadBody_Is400SayingWhatIsWrong(string body, string expected)
    {
        await using var app = LiveApps.Create();
        var session = (await AnsweredSessionsAsync(app, 1))[0];
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.PutAsync(new Uri($"/api/sessions/{session}/turns/1/review", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfAnUnknownSessionOrTurn_IsNotFound_AndOfAnUnansweredTurn_IsConflict()
    {
        await using var app = LiveApps.Create();
        await using var hub = await HubTestClient.ConnectAsync(app);
        var started = await hub.StartAsync(new StartInterviewRequest(QuestionCount: 2));
        using var reviewer = app.CreateReviewerClient();

        using var noSession = await PutReviewAsync(reviewer, "nope", 1, new { score = 1 });
        using var noTurn = await PutReviewAsync(reviewer, started.SessionId, 9, new { score = 1 });
        using var unanswered = await PutReviewAsync(reviewer, started.SessionId, 1, new { score = 1 });

        Assert.Equal(HttpStatusCode.NotFound, noSession.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noTurn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unanswered.StatusCode);
    }

    [Fact]
    public async Task Review_SavedMeanwhileByAnotherInstance_IsConflictProblem_AndKeepsTheirs()
    {
        await using var app = LiveApps.Create(store: TestStore.Create(StoreProvider.Postgres));
        var session = (await AnsweredSessionsAsync(app, 1))[0];
        using var reviewer = app.CreateReviewerClient();
        // Another instance adds the same reviewer's review of the turn and has not committed yet: this one's insert waits for it.
        await using var other = await app.Store.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = other.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """INSERT INTO reviews ("SessionId", "TurnNumber", "Reviewer", "Score", "MaxScore", "ReviewedAt") VALUES (@id, 1, 'reviewer', 2, 5, @at)""";
            var id = insert.CreateParameter();
            id.ParameterName = "id";
            id.Value = session;
            insert.Parameters.Add(id);
            var at = insert.CreateParameter();
            at.ParameterName = "at";
            at.Value = new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow);
            insert.Parameters.Add(at);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        var put = PutReviewAsync(reviewer, session, 1, new { score = 4, maxScore = 5 });
        await WaitForALockWaitAsync(app.Store);
        await transaction.CommitAsync();
        using var response = await put;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());
        Assert.Equal($"The review of turn 1 of session '{session}' by reviewer was changed by another writer meanwhile. Nothing was stored; send the request again.",
            problem.GetProperty("detail").GetString());
        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}");
        Assert.Equal(2, Assert.Single(detail.GetProperty("reviews").EnumerateArray()).GetProperty("score").GetDouble());
    }

    /// <summary>Returns once a statement on the test's database waits for a lock (bounded: fails after 30 s).</summary>
    private static async Task WaitForALockWaitAsync(TestStore store)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await store.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "No statement waited for the other writer's row within 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    [Fact]
    public async Task Queue_PutsDisagreementsThenDegradedThenFlaggedFirst_AndLeavesReviewedOnesOut()
    {
        await using var app = LiveApps.Create();
        var sessions = await AnsweredSessionsAsync(app, 4);
        // Plain, flagged, degraded, disagreement: answered oldest to newest, so newest-first alone would give the reverse.
        await SetGradeAsync(app, sessions[0], g => g with { Flags = [] });
        await SetGradeAsync(app, sessions[1], g => g with { Flags = [GradeFlags.TooShort] });
        await SetGradeAsync(app, sessions[2], g => g with { Degraded = true, DegradedReason = "timeout", Flags = [] });
        await SetGradeAsync(app, sessions[3], g => g with { Disagreement = true, Flags = [] });
        using var reviewer = app.CreateReviewerClient();
        // Answered last would come first by time alone; here it has no mark, so it goes after the three marked ones.
        (await PutReviewAsync(reviewer, sessions[1], 1, new { score = 10 })).Dispose();

        var queue = (await reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/queue")).EnumerateArray().ToList();
        var all = (await reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/queue?status=all")).EnumerateArray().ToList();

        Assert.Equal([sessions[3], sessions[2], sessions[0]], queue.Select(q => q.GetProperty("sessionId").GetString()));
        Assert.Equal(["disagreement"], queue[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["degraded"], queue[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(queue[2].GetProperty("reasons").EnumerateArray());
        Assert.Equal(LiveApps.CompleteAnswer, queue[0].GetProperty("answer").GetString());
        Assert.Equal([sessions[3], sessions[2], sessions[1], sessions[0]], all.Select(q => q.GetProperty("sessionId").GetString()));
        Assert.Equal(1, all[2].GetProperty("reviews").GetInt32());
        Assert.Equal(["flagged"], all[2].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("csv", "reviews.csv")]
    [InlineData("jsonl", "reviews.jsonl")]
    public async Task Export_IsReadByCalibrateUnchanged(string format, string fileName)
    {
        await using var app = LiveApps.Create();
        var sessions = await AnsweredSessionsAsync(app, 3);
        using var reviewer = app.CreateReviewerClient();
        double[] scores = [5, 2, 3.5];
        for (var i = 0; i < sessions.Count; i++)
        {
            (await PutReviewAsync(reviewer, sessions[i], 1, new { score = scores[i], maxScore = 5, note = "a, \"quoted\"\nnote" })).Dispose();
        }
        using var response = await reviewer.GetAsync(new Uri($"/api/reviews?format={format}&bankId=test-bank", UriKind.Relative));
        var work = TestRun.Folder("export");
        var file = Path.Combine(work.FullName, fileName);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        var run = await CliProcess.RunAsync(work.FullName, "calibrate", file, "--rubrics", LiveApps.FixtureRubrics, "--bank", "test-bank", "--format", "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        Assert.Equal(3, report.RootElement.GetProperty("rows").GetProperty("answers").GetInt32());
        Assert.Equal(0, report.RootElement.GetProperty("problems").GetArrayLength());
        var humans = report.RootElement.GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("answerId").GetString()!, p => p.GetProperty("human").GetDouble());
        Assert.Equal(5, humans[$"{sessions[0]}-t1"]);
        Assert.Equal(2, humans[$"{sessions[1]}-t1"]);
        Assert.Equal(3.5, humans[$"{sessions[2]}-t1"]);
        work.Delete(recursive: true);
    }

    [Fact]
    public async Task Export_IsImportedAsExemplarsUnchanged()
    {
        await using var app = LiveApps.Create();
        var sessions = await AnsweredSessionsAsync(app, 2);
        using var reviewer = app.CreateReviewerClient();
        (await PutReviewAsync(reviewer, sessions[0], 1, new { score = 4, maxScore = 5 })).Dispose();
        (await PutReviewAsync(reviewer, sessions[1], 1, new { score = 1.5, maxScore = 5 })).Dispose();
        using var response = await reviewer.GetAsync(new Uri("/api/reviews?format=jsonl&bankId=test-bank", UriKind.Relative));
        var work = TestRun.Folder("exemplars");
        var file = Path.Combine(work.FullName, "reviews.jsonl");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var rubrics = Path.Combine(work.FullName, "rubrics");
        foreach (var yaml in Directory.GetFiles(LiveApps.FixtureRubrics, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rubrics, Path.GetRelativePath(LiveApps.FixtureRubrics, yaml));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(yaml, target);
        }

        var imported = await CliProcess.RunAsync(work.FullName, "exemplars", "import", file, "--bank", "test-bank", "--rubrics", rubrics);
        var listed = await CliProcess.RunAsync(work.FullName, "exemplars", "list", "test-bank", "--rubrics", rubrics, "--format", "json");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("2 added", imported.Out, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        using var list = JsonDocument.Parse(listed.Out);
        var scores = list.RootElement.GetProperty("exemplars").EnumerateArray()
            .ToDictionary(e => e.GetProperty("exemplar").GetProperty("id").GetString()!, e => e.GetProperty("exemplar").GetProperty("score").GetDouble());
        Assert.Equal(4, scores[$"{sessions[0]}-t1"]);
        Assert.Equal(1.5, scores[$"{sessions[1]}-t1"]);
        work.Delete(recursive: true);
    }

    [Fact]
    public async Task Export_Csv_HasTheCalibrationColumns()
    {
        await using var app = LiveApps.Create();
        var session = (await AnsweredSessionsAsync(app, 1))[0];
        using var reviewer = app.CreateReviewerClient();
        (await PutReviewAsync(reviewer, session, 1, new { score = 80 })).Dispose();
        var question = await QuestionOfAsync(reviewer, session);

        using var response = await reviewer.GetAsync(new Uri("/api/reviews?format=csv", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"answer_id,question_id,answer,score,max_score,rater\r\n{session}-t1,{question},\"{LiveApps.CompleteAnswer}\",80,100,reviewer\r\n", text);
    }

    [Fact]
    public async Task Export_ForAnUnknownBank_Is404()
    {
        await using var app = LiveApps.Create();
        using var reviewer = app.CreateReviewerClient();

        using var response = await reviewer.GetAsync(new Uri("/api/reviews?bankId=nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task SetGradeAsync(InterviewerApp app, string sessionId, Func<GradeResult, GradeResult> change)
    {
        var db = app.Services.GetRequiredService<InterviewDb>();
        await using var context = db.CreateContext();
        var row = await context.Grades.SingleAsync(g => g.SessionId == sessionId);
        var grade = change(JsonSerializer.Deserialize<GradeResult>(row.ResultJson, InterviewerJson.Options)!);
        row.ResultJson = JsonSerializer.Serialize(grade, InterviewerJson.Options);
        row.Degraded = grade.Degraded;
        await context.SaveChangesAsync();
    }
}
