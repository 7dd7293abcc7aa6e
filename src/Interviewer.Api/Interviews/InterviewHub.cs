using Interviewer.Api.Security.Limits;
using Microsoft.AspNetCore.SignalR;

namespace Interviewer.Api.Interviews;

/// <summary>
/// The live interview hub at <c>/hubs/interview</c> (protocol: docs/hub.md). Thin: each method checks that the
/// connection may act on the session and hands over to <see cref="InterviewService"/>.
/// </summary>
internal sealed class InterviewHub(InterviewService interviews, AfterAcknowledgement after, HubLimits limits) : Hub<IInterviewClient>
{
    public const string Path = "/hubs/interview";

    private readonly InterviewService _interviews = interviews;
    private readonly AfterAcknowledgement _after = after;
    private readonly HubLimits _limits = limits;

    public async Task<InterviewStarted> StartInterview(StartInterviewRequest? request)
    {
        var outcome = await _interviews.StartAsync(request ?? new StartInterviewRequest(), Context.ConnectionId);
        await JoinAsync(outcome.Result.SessionId);
        _after.Add(outcome.AfterAck);
        return outcome.Result;
    }

    public async Task<AnswerAccepted> SubmitAnswer(SubmitAnswerRequest? request)
    {
        request ??= new SubmitAnswerRequest(null, null, null);
        await RequireJoinedAsync(request.SessionId);
        var sessionId = request.SessionId!;
        var outcome = await _interviews.SubmitAnswerAsync(request, Context.ConnectionId, (mode, grader) => _limits.AdmitAnswer(Context, sessionId, mode, grader));
        _after.Add(outcome.AfterAck);
        return outcome.Result;
    }

    public async Task Skip(SessionRequest? request)
    {
        request ??= new SessionRequest(null);
        await RequireJoinedAsync(request.SessionId);
        _after.Add((await _interviews.SkipAsync(request)).AfterAck);
    }

    public async Task EndInterview(SessionRequest? request)
    {
        request ??= new SessionRequest(null);
        await RequireJoinedAsync(request.SessionId);
        _after.Add((await _interviews.EndAsync(request, Context.ConnectionId)).AfterAck);
    }

    public async Task<InterviewResumed> ResumeInterview(ResumeInterviewRequest? request)
    {
        var outcome = await _interviews.ResumeAsync(request ?? new ResumeInterviewRequest(null, null), JoinAsync);
        _after.Add(outcome.AfterAck);
        return outcome.Result;
    }

    private async Task JoinAsync(string sessionId)
    {
        ConnectionSessions.Add(Context, sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, InterviewService.Group(sessionId));
    }

    // A connection acts only on sessions it started or resumed with the token (candidates reach only their own session).
    private async Task RequireJoinedAsync(string? sessionId)
    {
        sessionId = InterviewService.RequireId(sessionId, "sessionId");
        if (ConnectionSessions.Contains(Context, sessionId))
        {
            return;
        }
        if (!await _interviews.ExistsAsync(sessionId))
        {
            throw new InterviewException(InterviewError.NotFound, $"no interview session '{sessionId}'");
        }
        throw new InterviewException(InterviewError.Forbidden,
            $"this connection has not started or resumed session '{sessionId}'; call ResumeInterview with its resume token");
    }
}

/// <summary>The sessions a connection has started or resumed, kept in the connection's items.</summary>
internal static class ConnectionSessions
{
    private static readonly object Key = new();

    public static void Add(HubCallerContext context, string sessionId)
    {
        var sessions = (HashSet<string>)(context.Items.TryGetValue(Key, out var value) ? value! : context.Items[Key] = new HashSet<string>(StringComparer.Ordinal));
        lock (sessions)
        {
            sessions.Add(sessionId);
        }
    }

    public static bool Contains(HubCallerContext context, string sessionId)
    {
        if (!context.Items.TryGetValue(Key, out var value) || value is not HashSet<string> sessions)
        {
            return false;
        }
        lock (sessions)
        {
            return sessions.Contains(sessionId);
        }
    }
}
