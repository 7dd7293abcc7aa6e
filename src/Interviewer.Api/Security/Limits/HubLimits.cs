using Interviewer.Api.Interviews;
using Interviewer.Api.Storage;
using Interviewer.Rubrics.Grading;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security.Limits;

/// <summary>
/// The hub's limits, checked before each call by <see cref="InterviewHubFilter"/>: calls, interviews and answers per
/// client address; interviews in progress per address and in all; the graders practice may use (an assessment uses its invitation's) and the LLM
/// budget of practice interviews.
/// </summary>
internal sealed class HubLimits(ClientLimits limits, ActiveSessions active, GraderRegistry graders, IOptions<LimitsOptions> options)
{
    /// <summary>Checks the limits before a call; returns the caller's address, for <see cref="After"/>.</summary>
    public string Before(HubInvocationContext invocation)
    {
        var client = Client(invocation.Context);
        Acquire(limits.HubMessages, client);
        switch (invocation.HubMethodArguments.FirstOrDefault())
        {
            case StartInterviewRequest start when invocation.HubMethodName == nameof(InterviewHub.StartInterview):
                // An assessment is graded by the grader its invitation names: a reviewer chose it.
                if (start.Invitation is null)
                {
                    RequirePracticeGrader(start.Grader);
                }
                if (active.Refusal(client) is { } full)
                {
                    throw new InterviewException(InterviewError.RateLimited, full);
                }
                Acquire(limits.Interviews, client);
                break;
            case SubmitAnswerRequest answer when invocation.HubMethodName == nameof(InterviewHub.SubmitAnswer):
                Acquire(limits.Answers, client);
                // Practice only: an assessment's grader was chosen by a reviewer, and each invitation is one attempt, so a
                // class sitting it behind one address is not cut off.
                if (answer.SessionId is { } id && active.PracticeGraderOf(id) is { } grader && grader != GraderNames.Keyword)
                {
                    Acquire(limits.LlmGrades, client);
                }
                Touch(answer.SessionId);
                break;
            case SessionRequest session:
                Touch(session.SessionId);
                break;
            case ResumeInterviewRequest resume:
                Touch(resume.SessionId);
                break;
        }
        return client;
    }

    /// <summary>
    /// Counts what a call started or ended. <paramref name="client"/> is the address <see cref="Before"/> read: by now
    /// the connection may be gone (a client that gave up waiting), and its HTTP context with it.
    /// </summary>
    public void After(HubInvocationContext invocation, object? result, string client)
    {
        if (result is InterviewStarted started)
        {
            Track(started.SessionId, client, started.Mode, started.Grader);
        }
        else if (result is InterviewResumed { Status: SessionStatuses.Active } resumed)
        {
            // After a restart, or on another instance, a resumed interview is in progress here as if started here: it
            // counts towards the caps (a resume itself is never refused by them) and its practice answers against the LLM budget.
            Track(resumed.SessionId, client, resumed.Mode, resumed.Grader);
        }
        else if (invocation.HubMethodName == nameof(InterviewHub.EndInterview) && invocation.HubMethodArguments.FirstOrDefault() is SessionRequest { SessionId: { } id })
        {
            active.Finished(id);
        }
    }

    private void Track(string sessionId, string client, string mode, string grader) =>
        active.Started(sessionId, client, mode == ModeNames.Assessment ? null : grader);

    private void RequirePracticeGrader(string? requested)
    {
        if (!graders.TryGet(requested, out var grader))
        {
            return; // the interview service names the graders there are
        }
        var allowed = options.Value.PracticeGraderNames();
        if (!allowed.Contains(grader.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw new InterviewException(InterviewError.Forbidden,
                $"grader '{grader.Name}' is not open to practice interviews; practice graders: {string.Join(", ", allowed)} ({LimitsOptions.Section}:PracticeGraders)");
        }
    }

    private void Acquire(ClientLimit limit, string client)
    {
        if (limits.TryAcquire(limit, client) is { } refusal)
        {
            throw new InterviewException(InterviewError.RateLimited, refusal);
        }
    }

    private void Touch(string? sessionId)
    {
        if (sessionId is not null)
        {
            active.Touched(sessionId);
        }
    }

    private static string Client(HubCallerContext context) =>
        context.GetHttpContext() is { } http ? ClientAddress.Of(http) : "unknown";
}
