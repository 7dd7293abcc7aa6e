using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Storage;

/// <summary>
/// README: with <c>SqliteSynchronous=Normal</c> nothing acknowledged is lost when the service is killed. The service runs as
/// its own process here and is killed with SIGKILL right after the acknowledgements, before it can grade or shut down.
/// </summary>
public sealed class ProcessKillTests : IDisposable
{
    private const int Sessions = 8;
    private readonly DirectoryInfo _data = TestRun.Folder("kill");

    public void Dispose() => _data.Delete(recursive: true);

    private Dictionary<string, string> Settings() => new()
    {
        ["Interviewer:Storage:DataDirectory"] = _data.FullName,
        ["Interviewer:Storage:SqliteSynchronous"] = "Normal",
        ["Interviewer:Rubrics:Path"] = LiveApps.FixtureRubrics,
        ["Interviewer:Interviews:DefaultBank"] = "test-bank",
        ["Interviewer:Security:ReviewerKeys:0"] = "process-kill-test-reviewer-key-0123456789",
    };

    [Fact]
    public async Task ServiceKilledRightAfterAcknowledging_KeepsEveryAcknowledgedAnswer()
    {
        var acknowledged = new List<(InterviewStarted Started, AnswerAccepted Ack, string Text)>();
        await using (var service = await ServiceProcess.StartAsync(Settings()))
        {
            var clients = new List<HubTestClient>();
            try
            {
                var starts = new List<(HubTestClient Client, InterviewStarted Started)>();
                for (var i = 0; i < Sessions; i++)
                {
                    var client = await HubTestClient.ConnectAsync(service.BaseAddress);
                    clients.Add(client);
                    starts.Add((client, await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: i))));
                    await client.NextQuestionAsync();
                }

                // Every session answers at once; the process dies as soon as the last acknowledgement is in.
                var submissions = starts.Select(async (s, i) =>
                {
                    var text = $"{LiveApps.CompleteAnswer} (answer {i})";
                    var ack = await s.Client.SubmitAsync(s.Started.SessionId, $"kill-{i}", text);
                    return (s.Started, ack, text);
                });
                acknowledged.AddRange(await Task.WhenAll(submissions));
                await service.KillAsync();
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }
        }

        await using var restarted = await ServiceProcess.StartAsync(Settings());
        await using var again = await HubTestClient.ConnectAsync(restarted.BaseAddress);
        foreach (var (started, ack, text) in acknowledged)
        {
            var resumed = await again.ResumeAsync(started.SessionId, started.ResumeToken);

            var turn = Assert.Single(resumed.Transcript, t => t.Turn == ack.Turn);
            Assert.Equal(ack.AnswerId, turn.Answer?.AnswerId);
            Assert.Equal(text, turn.Answer?.Text);
        }
    }
}
