using System.Net.Http.Json;
using System.Text;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Telemetry;

/// <summary>README: logs never carry answer text — on the happy path, on rejected input and on failed rows.</summary>
public sealed class LogPrivacyTests
{
    private const string Marker = "zanahoriacuantica7731";

    [Fact]
    public async Task AnswerText_NeverAppearsInTheLogs()
    {
        var logs = new CapturedLogs();
        await using (var app = LiveApps.Create(services: logs.AddTo))
        {
            await using var client = await HubTestClient.ConnectAsync(app);
            var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 4));
            await client.NextQuestionAsync();
            // Graded, a resubmission with other text (conflict), an answer over the length limit (invalid_input).
            await client.AnswerAsync(started.SessionId, $"{LiveApps.CompleteAnswer} {Marker}", "privacy-1");
            await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "privacy-1", $"other text {Marker}"));
            await client.NextQuestionAsync();
            await HubTestClient.ErrorCodeAsync(() => client.SubmitAsync(started.SessionId, "privacy-2", Marker + new string('x', 25_000)));

            using var reviewer = app.CreateReviewerClient();
            // A batch with a good row and a row that fails, a malformed body, and a calibration run.
            using var grade = await reviewer.PostAsJsonAsync("/api/grade", new
            {
                bankId = "test-bank",
                items = new[] { new { id = "g1", questionId = "alpha-one", answer = $"apples {Marker}" }, new { id = "g2", questionId = "nope", answer = Marker } },
            });
            Assert.True(grade.IsSuccessStatusCode, await grade.Content.ReadAsStringAsync());
            using var malformed = await reviewer.PostAsync("/api/grade", new StringContent($"{{\"bankId\":\"test-bank\",\"items\":[{{\"answer\":{Marker}", Encoding.UTF8, "application/json"));
            Assert.False(malformed.IsSuccessStatusCode);
            using var calibrate = await reviewer.PostAsync("/api/calibrate?bankId=test-bank", new StringContent(
                $"answer_id,question_id,answer,score,max_score\nc1,alpha-one,apples {Marker},4,5\nc2,alpha-one,pears,1,5\nc3,alpha-one,{Marker},9,5\n",
                Encoding.UTF8, "text/csv"));
            await client.EndAsync(started.SessionId);
        }

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, entry => entry.Text.Contains(Marker, StringComparison.OrdinalIgnoreCase));
    }
}
