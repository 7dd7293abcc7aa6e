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
    /// Admits a new answer to interview <paramref name="sessionId"/> of <paramref name="mode"/>, graded by
    /// <paramref name="grader"/>, from the caller of <paramref name="context"/>: a practice answer graded by a model counts
    /// against the LLM budget (an assessment's grader was chosen by a reviewer, and each invitation is one attempt, so a
    /// class sitting it behind one address is not cut off). Read from the interview itself when the answer is accepted,
    /// so it holds however the interview reached this instance or however long it sat idle; the interview counts as in
    /// progress here again.
    /// </summary>
    public void AdmitAnswer(HubCallerContext context, string sessionId, string mode, string grader)
    {
        var client = Client(context);
        if (mode != ModeNames.Assessment && grader != GraderNames.Keyword)
        {
            Acquire(limits.LlmGrades, client);
        }
        active.Started(sessionId, client);
    }

    /// <summary>
    /// Counts what a call started or ended. <paramref name="client"/> is the address <see cref="Before"/> read: by now
    /// the connection may be gone (a client that gave up waiting), and its HTTP context with it.
    /// </summary>
    public void After(HubInvocationContext invocation, object? result, string client)
    {
        if (result is InterviewStarted started)
        {
            active.Started(started.SessionId, client);
        }
        else if (result is InterviewResumed { Status: SessionStatuses.Active } resumed)
        {
            // After a restart, or on another instance, a resumed interview is in progress here as if started here: it
            // counts towards the caps (a resume itself is never refused by them).
            active.Started(resumed.SessionId, client);
        }
        else if (invocation.HubMethodName == nameof(InterviewHub.EndInterview) && invocation.HubMethodArguments.FirstOrDefault() is SessionRequest { SessionId: { } id })
        {
            active.Finished(id);
        }
    }

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
