using System.Threading.Channels;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Rubrics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>A .NET SignalR client of the interview hub that queues every event, so tests await them with a timeout.</summary>
internal sealed class HubTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Channel<QuestionMessage> _questions = Channel.CreateUnbounded<QuestionMessage>();
    private readonly Channel<GradedMessage> _graded = Channel.CreateUnbounded<GradedMessage>();
    private readonly Channel<CompletedMessage> _completed = Channel.CreateUnbounded<CompletedMessage>();
    private readonly Channel<GradeFailedMessage> _gradeFailed = Channel.CreateUnbounded<GradeFailedMessage>();

    private HubTestClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<QuestionMessage>(nameof(IInterviewClient.Question), m => _questions.Writer.TryWrite(m));
        connection.On<GradedMessage>(nameof(IInterviewClient.Graded), m => _graded.Writer.TryWrite(m));
        connection.On<CompletedMessage>(nameof(IInterviewClient.Completed), m => _completed.Writer.TryWrite(m));
        connection.On<GradeFailedMessage>(nameof(IInterviewClient.GradeFailed), m => _gradeFailed.Writer.TryWrite(m));
    }

    public HubConnection Connection { get; }

    public static Task<HubTestClient> ConnectAsync(InterviewerApp app) => ConnectAsync(app.BaseAddress);

    /// <summary>Connects; <paramref name="forwardedFor"/> sends <c>X-Forwarded-For</c>, as a proxy in front of the service would.</summary>
    public static async Task<HubTestClient> ConnectAsync(Uri baseAddress, string? forwardedFor = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/interview"), o =>
            {
                if (forwardedFor is not null)
                {
                    o.Headers["X-Forwarded-For"] = forwardedFor;
                }
            })
            .WithStatefulReconnect()
            .AddJsonProtocol(o => InterviewerJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new HubTestClient(connection);
        await connection.StartAsync().WaitAsync(Timeout);
        return client;
    }

    public Task<InterviewStarted> StartAsync(StartInterviewRequest request) =>
        Connection.InvokeAsync<InterviewStarted>("StartInterview", request).WaitAsync(Timeout);

    public Task<AnswerAccepted> SubmitAsync(string sessionId, string answerId, string? text, int? turn = null) =>
        Connection.InvokeAsync<AnswerAccepted>("SubmitAnswer", new SubmitAnswerRequest(sessionId, answerId, text, turn)).WaitAsync(Timeout);

    public Task SkipAsync(string sessionId) => Connection.InvokeAsync("Skip", new SessionRequest(sessionId)).WaitAsync(Timeout);

    public Task EndAsync(string sessionId) => Connection.InvokeAsync("EndInterview", new SessionRequest(sessionId)).WaitAsync(Timeout);

    public Task<InterviewResumed> ResumeAsync(string sessionId, string token) =>
        Connection.InvokeAsync<InterviewResumed>("ResumeInterview", new ResumeInterviewRequest(sessionId, token)).WaitAsync(Timeout);

    public Task<QuestionMessage> NextQuestionAsync() => _questions.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public Task<GradedMessage> NextGradedAsync() => _graded.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public Task<GradeFailedMessage> NextGradeFailedAsync() => _gradeFailed.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public bool HasPendingGraded => _graded.Reader.TryPeek(out _);

    public Task<CompletedMessage> NextCompletedAsync() => _completed.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public bool HasPendingQuestion => _questions.Reader.TryPeek(out _);

    /// <summary>Submits and waits for the grade and for what follows it (a question or the summary).</summary>
    public async Task<(AnswerAccepted Ack, GradedMessage Graded)> AnswerAsync(string sessionId, string text, string? answerId = null)
    {
        var ack = await SubmitAsync(sessionId, answerId ?? Guid.NewGuid().ToString("N"), text);
        var graded = await NextGradedAsync();
        return (ack, graded);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    /// <summary>Runs <paramref name="call"/> and returns the error code its HubException carries (e.g. <c>invalid_input</c>).</summary>
    public static async Task<string> ErrorCodeAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<HubException>(call);
        var marker = "HubException: ";
        var at = ex.Message.IndexOf(marker, StringComparison.Ordinal);
        var message = at >= 0 ? ex.Message[(at + marker.Length)..] : ex.Message;
        return message[..message.IndexOf(':', StringComparison.Ordinal)];
    }
}

/// <summary>Apps for the interview tests: the fixture bank unless the shipped one is wanted.</summary>
internal static class LiveApps
{
    public static string FixtureRubrics => Path.Combine(AppContext.BaseDirectory, "Fixtures", "rubrics");

    public static InterviewerApp Create(
        IDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        Action<IServiceCollection>? services = null,
        TestStore? store = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Interviewer:Rubrics:Path"] = FixtureRubrics,
            ["Interviewer:Interviews:DefaultBank"] = "test-bank",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return new InterviewerApp(all, dataDirectory, services, store);
    }

    /// <summary>An answer that covers every key point of the fixture bank.</summary>
    public const string CompleteAnswer = "apples and pears, cherries, bananas and grapes, and lemons too";
}
