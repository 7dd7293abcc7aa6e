using System.Diagnostics;
using System.Security.Cryptography;
using Interviewer.Api.Candidates;
using Interviewer.Api.Invitations;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Interviewer.Api.Telemetry;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Interviews;

/// <summary>What a hub call returns, and the work that must follow its answer on the wire.</summary>
internal sealed record HubOutcome<T>(T Result, Func<Task>? AfterAck);

/// <summary>
/// Runs live interviews: validates, drives the engine, commits every change before it is acknowledged, grades after
/// the acknowledgement, and pushes events through the hub context. The hub only translates messages.
/// </summary>
internal sealed partial class InterviewService(
    BankCatalog catalog,
    GraderRegistry graders,
    InterviewStore store,
    CandidateStore candidates,
    SessionCache cache,
    GradingClaims claims,
    InvitationStore invitations,
    IHubContext<InterviewHub, IInterviewClient> hub,
    TimeProvider time,
    InterviewMetrics metrics,
    IOptions<InterviewOptions> interviewOptions,
    IOptions<LimitsOptions> limits,
    ILogger<InterviewService> logger)
{
    public const int MaxCandidateNameLength = 200;

    public static string Group(string sessionId) => "session:" + sessionId;

    public async Task<HubOutcome<InterviewStarted>> StartAsync(StartInterviewRequest request, string connectionId)
    {
        if (request.Invitation is not null)
        {
            return await StartAssessmentAsync(request.Invitation, connectionId);
        }
        var options = interviewOptions.Value;
        var resolution = catalog.Resolve(request.BankId, options.DefaultBank);
        var bank = resolution.Bank ?? throw new InterviewException(InterviewError.NotFound, resolution.Error!);
        if (!graders.TryGet(request.Grader, out var grader, out var graderError))
        {
            throw Invalid(graderError!);
        }
        var count = request.QuestionCount ?? options.DefaultQuestionCount;
        if (count > options.MaxQuestionCount)
        {
            throw Invalid($"questionCount is {count}; the most is {options.MaxQuestionCount}");
        }
        var name = request.CandidateName?.Trim();
        if (name is { Length: > MaxCandidateNameLength })
        {
            throw Invalid($"candidateName is {name.Length} characters; the most is {MaxCandidateNameLength}");
        }
        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        // Named questions ("practise my weak areas") are asked in that order; otherwise the plan is drawn.
        var plan = request.QuestionIds is { Count: > 0 } questionIds
            ? InterviewPlanner.Chosen(bank, questionIds, options.MaxQuestionCount)
            : InterviewPlanner.Plan(bank, count, request.Categories, seed);

        var now = time.GetUtcNow();
        var candidate = await CandidateOfAsync(request, now);
        var token = SecretTokens.New();
        var session = new InterviewSession
        {
            Id = Guid.NewGuid().ToString("N"),
            ResumeTokenHash = SecretTokens.Hash(token),
            Bank = bank,
            Grader = grader.Name,
            Seed = seed,
            CandidateName = string.IsNullOrEmpty(name) ? null : name,
            CandidateId = candidate.Id,
            Plan = plan,
            CreatedAt = now,
        };
        return await BeginAsync(session, token, connectionId, candidate.NewToken);
    }

    /// <summary>
    /// Stores a new session with its first turn; the answer returns the resume token (and a newly issued candidate's token)
    /// and the first question follows it.
    /// </summary>
    private async Task<HubOutcome<InterviewStarted>> BeginAsync(InterviewSession session, string token, string connectionId, string? candidateToken = null)
    {
        var first = session.Begin(session.CreatedAt);
        await store.InsertAsync(session);
        cache.Add(session);
        LogStarted(session.Id, ModeNames.Of(session.Mode), session.Bank.Id, session.Grader, session.Plan.Count, session.Seed);

        var question = InterviewWire.Question(session, first);
        return new(
            new InterviewStarted(session.Id, token, InterviewWire.Bank(session), session.Plan.Count, ModeNames.Of(session.Mode), ModeNames.Of(session.Feedback), session.Grader,
                session.CandidateId, candidateToken, session.CandidateName),
            () => hub.Clients.Client(connectionId).Question(question));
    }

    /// <summary>
    /// Stores an answer and grades it after the acknowledgement; <paramref name="admit"/> is called with the interview's
    /// mode and grader before a new answer (not a resubmission) is accepted, and refuses it by throwing.
    /// </summary>
    public async Task<HubOutcome<AnswerAccepted>> SubmitAnswerAsync(SubmitAnswerRequest request, string connectionId, Action<string, string>? admit = null)
    {
        var sessionId = RequireId(request.SessionId, "sessionId");
        var answerId = RequireId(request.AnswerId, "answerId");
        var text = request.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid("the answer is empty");
        }
        var max = limits.Value.MaxAnswerLength;
        if (text.Length > max)
        {
            throw Invalid($"the answer is {text.Length} characters; the limit is {max}");
        }

        using var activity = InterviewMetrics.Source.StartActivity("interview.submit_answer");
        activity?.SetTag("session.id", sessionId);
        int? seen = request.Turn;
        return await cache.WithSessionAsync(sessionId, async session =>
        {
            if (session.FindAnswer(answerId) is { } existing)
            {
                if (!string.Equals(existing.Answer!.Text, text, StringComparison.Ordinal))
                {
                    throw new InterviewException(InterviewError.Conflict,
                        $"answerId '{answerId}' was already used for a different answer (turn {existing.Number}); use a new answerId");
                }
                LogResubmitted(sessionId, answerId, existing.Number);
                return new HubOutcome<AnswerAccepted>(
                    new AnswerAccepted(sessionId, answerId, existing.Number),
                    RepeatOutcome(session, existing, connectionId));
            }

            // The answer belongs to the turn the client answers (or, when it does not say, the one this copy showed), or nowhere.
            RequireSameTurn(session, ref seen);
            admit?.Invoke(ModeNames.Of(session.Mode), session.Grader);
            var turn = session.AcceptAnswer(answerId, text, time.GetUtcNow());
            await store.SaveAnswerAsync(session, turn, claims.New());
            LogAnswerStored(sessionId, answerId, turn.Number, text.Length);
            return new HubOutcome<AnswerAccepted>(
                new AnswerAccepted(sessionId, answerId, turn.Number),
                () => GradeAsync(sessionId, answerId));
        });
    }

    public async Task<HubOutcome<bool>> SkipAsync(SessionRequest request)
    {
        var sessionId = RequireId(request.SessionId, "sessionId");
        int? seen = null;
        return await cache.WithSessionAsync(sessionId, async session =>
        {
            RequireSameTurn(session, ref seen);
            var (skipped, next) = session.Skip(time.GetUtcNow());
            await store.SaveSkipAsync(session, skipped, (next as InterviewStep.Ask)?.Turn);
            metrics.Skipped();
            LogSkipped(sessionId, skipped.Number);
            var send = Announce(session, next, hub.Clients.Group(Group(sessionId)));
            return new HubOutcome<bool>(true, send);
        });
    }

    public async Task<HubOutcome<bool>> EndAsync(SessionRequest request, string connectionId)
    {
        var sessionId = RequireId(request.SessionId, "sessionId");
        return await cache.WithSessionAsync(sessionId, async session =>
        {
            var ended = session.End(time.GetUtcNow());
            if (ended)
            {
                await store.SaveStatusAsync(session);
                LogEnded(sessionId);
            }
            var summary = InterviewWire.Completed(session, Audience.CandidateOf(session));
            // Ending twice is a no-op that repeats the summary to the caller.
            var clients = ended ? hub.Clients.Group(Group(sessionId)) : hub.Clients.Client(connectionId);
            return new HubOutcome<bool>(ended, () => clients.Completed(summary));
        });
    }

    /// <summary>
    /// Returns the session as the store has it. <paramref name="join"/> runs once the token is checked and before the state
    /// is read, so that no event sent meanwhile is missed. An answer left ungraded by a stopped instance is taken over after the answer.
    /// </summary>
    public async Task<HubOutcome<InterviewResumed>> ResumeAsync(ResumeInterviewRequest request, Func<string, Task> join)
    {
        var sessionId = RequireId(request.SessionId, "sessionId");
        var token = request.ResumeToken ?? string.Empty;
        return await cache.WithSessionAsync(sessionId, async session =>
        {
            if (!SecretTokens.Matches(token, session.ResumeTokenHash))
            {
                throw new InterviewException(InterviewError.Forbidden, $"the resume token does not open session '{sessionId}'");
            }
            await join(sessionId);
            LogResumed(sessionId, InterviewWire.StatusName(session.Status));
            Func<Task>? takeOver = null;
            if (session.Current is { AwaitingGrade: true } pending)
            {
                // Graded by whoever holds its claim; if that instance stopped, this one takes it over.
                var answerId = pending.Answer!.AnswerId;
                takeOver = async () =>
                {
                    if (await claims.TryTakeAsync(sessionId, answerId))
                    {
                        await GradeAsync(sessionId, answerId);
                    }
                };
            }
            return new HubOutcome<InterviewResumed>(InterviewWire.Resumed(session), takeOver);
        }, current: true);
    }

    public Task<bool> ExistsAsync(string sessionId) => store.ExistsAsync(sessionId);

    /// <summary>
    /// Grades an answer this instance has claimed, commits the grade, then sends <c>Graded</c> and what follows. Safe to
    /// redo: keyed by answerId. No session lock is held while the grader works. A grade that keeps failing is retried
    /// <see cref="InterviewOptions.GradeAttempts"/> times; then the answer is withdrawn and the candidate asked to answer again.
    /// </summary>
    public async Task GradeAsync(string sessionId, string answerId)
    {
        var attempts = interviewOptions.Value.GradeAttempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await GradeOnceAsync(sessionId, answerId) is { } send)
                {
                    await send();
                }
                return;
            }
            catch (Exception ex) when (ex is not InterviewException && attempt < attempts)
            {
                LogGradeRetry(ex, sessionId, answerId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), time);
            }
            catch (Exception ex) when (ex is not InterviewException)
            {
                LogGradeFailed(ex, sessionId, answerId, attempt);
                await WithdrawAsync(sessionId, answerId, attempt);
                return;
            }
        }
    }

    private async Task<Func<Task>?> GradeOnceAsync(string sessionId, string answerId)
    {
        Task<(string Grader, GradeRequest? Request)> Pending(InterviewSession session) =>
            Task.FromResult(session.FindAnswer(answerId) is { Grade: null } turn
                ? (session.Grader, new GradeRequest(session.Bank, turn.GradedQuestion, turn.Answer!.Text))
                : (session.Grader, (GradeRequest?)null));
        var pending = await cache.WithSessionAsync(sessionId, Pending);
        if (pending.Request is null)
        {
            // A copy read before the answer was stored (it came through another instance) does not know it: ask the store.
            pending = await cache.WithSessionAsync(sessionId, Pending, current: true);
        }
        if (pending.Request is not { } request)
        {
            return null; // graded (here or elsewhere) or withdrawn
        }

        using var activity = InterviewMetrics.Source.StartActivity("interview.grade");
        activity?.SetTag("session.id", sessionId);
        var grader = graders.TryGet(pending.Grader, out var chosen) ? chosen : graders.Get();
        activity?.SetTag("grader", grader.Name);
        var started = time.GetTimestamp();
        var grade = await grader.GradeAsync(request);
        var latency = time.GetElapsedTime(started).TotalMilliseconds;
        grade = grade with { LatencyMs = grade.LatencyMs ?? Math.Round(latency, 3) };

        return await cache.WithSessionAsync(sessionId, async session =>
        {
            var turn = session.FindAnswer(answerId);
            if (turn is not { Grade: null })
            {
                return null; // another instance graded it meanwhile, or it was withdrawn
            }
            var now = time.GetUtcNow();
            var next = session.ApplyGrade(answerId, grade, now);
            await store.SaveGradeAsync(session, turn, (next as InterviewStep.Ask)?.Turn, now);
            metrics.Graded(grade.Grader, latency, grade.Degraded);
            LogGraded(session.Id, answerId, turn.Number, grade.Grader, grade.Score, grade.Degraded, latency);

            var group = hub.Clients.Group(Group(session.Id));
            var graded = InterviewWire.Graded(session, turn, Audience.CandidateOf(session));
            var then = next is null ? null : Announce(session, next, group);
            return (Func<Task>)(async () =>
            {
                await group.Graded(graded);
                if (then is not null)
                {
                    await then();
                }
            });
        });
    }

    /// <summary>Removes an answer that could not be graded and tells the candidate, who may answer the turn again.</summary>
    private async Task WithdrawAsync(string sessionId, string answerId, int attempts)
    {
        var send = await cache.WithSessionAsync(sessionId, async session =>
        {
            if (session.WithdrawAnswer(answerId) is not { } turn)
            {
                return null;
            }
            await store.WithdrawAnswerAsync(session, answerId);
            var failed = new GradeFailedMessage(sessionId, answerId, turn.Number,
                $"{InterviewException.Code(InterviewError.Unavailable)}: the answer could not be graded ({attempts} attempts); answer turn {turn.Number} again");
            return (Func<Task>)(() => hub.Clients.Group(Group(sessionId)).GradeFailed(failed));
        });
        if (send is not null)
        {
            await send();
        }
    }

    /// <summary>Resubmission repeats the outcome to the caller: its grade, and what is asked now if it was the last answer.</summary>
    private Func<Task>? RepeatOutcome(InterviewSession session, InterviewTurn answered, string connectionId)
    {
        if (answered.Grade is null)
        {
            return null; // still being graded: Graded will come
        }
        var caller = hub.Clients.Client(connectionId);
        var graded = InterviewWire.Graded(session, answered, Audience.CandidateOf(session));
        var latest = session.Turns.LastOrDefault(t => t.Answer is not null) == answered;
        Func<Task>? then = null;
        if (latest && session.Current is { } current)
        {
            var question = InterviewWire.Question(session, current);
            then = () => caller.Question(question);
        }
        else if (latest)
        {
            var summary = InterviewWire.Completed(session, Audience.CandidateOf(session));
            then = () => caller.Completed(summary);
        }
        return async () =>
        {
            await caller.Graded(graded);
            if (then is not null)
            {
                await then();
            }
        };
    }

    private static Func<Task> Announce(InterviewSession session, InterviewStep next, IInterviewClient clients)
    {
        if (next is InterviewStep.Ask ask)
        {
            var question = InterviewWire.Question(session, ask.Turn);
            return () => clients.Question(question);
        }
        var summary = InterviewWire.Completed(session, Audience.CandidateOf(session));
        return () => clients.Completed(summary);
    }

    private static void RequireSameTurn(InterviewSession session, ref int? seen)
    {
        var current = session.Current?.Number;
        seen ??= current;
        if (current != seen)
        {
            throw new InterviewException(InterviewError.Conflict,
                $"turn {seen} of session '{session.Id}' is not open (the interview is at {(current is null ? "its end" : $"turn {current}")}); call ResumeInterview to see where it stands");
        }
    }

    /// <summary>An id a client sent: invalid_input when it is missing or longer than any stored id.</summary>
    public static string RequireId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid($"{field} is required");
        }
        if (!StoredIds.CanExist(value))
        {
            throw Invalid($"{field} is {value.Length} characters; the most is {StoredIds.MaxLength}");
        }
        return value;
    }

    private static InterviewException Invalid(string detail) => new(InterviewError.InvalidInput, detail);

    // Logs carry ids, sizes and scores, never the answer's text; per-answer and per-start events are Debug so load does not
    // flood the log (at a few hundred starts a second, the console logger's queue made hub calls wait for it).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {SessionId} started ({Mode}): bank {BankId}, grader {Grader}, {QuestionCount} questions, seed {Seed}")]
    private partial void LogStarted(string sessionId, string mode, string bankId, string grader, int questionCount, int seed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {SessionId}: answer {AnswerId} to turn {Turn} stored ({Length} characters)")]
    private partial void LogAnswerStored(string sessionId, string answerId, int turn, int length);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {SessionId}: answer {AnswerId} resubmitted (turn {Turn}); outcome repeated")]
    private partial void LogResubmitted(string sessionId, string answerId, int turn);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {SessionId}: answer {AnswerId} (turn {Turn}) graded by {Grader}: {Score}, degraded {Degraded}, {LatencyMs} ms")]
    private partial void LogGraded(string sessionId, string answerId, int turn, string grader, double score, bool degraded, double latencyMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {SessionId}: turn {Turn} skipped")]
    private partial void LogSkipped(string sessionId, int turn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId} ended early")]
    private partial void LogEnded(string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {SessionId}: grading answer {AnswerId} failed (attempt {Attempt}); trying again")]
    private partial void LogGradeRetry(Exception ex, string sessionId, string answerId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interview {SessionId}: grading answer {AnswerId} failed {Attempts} times; the candidate is asked to answer again")]
    private partial void LogGradeFailed(Exception ex, string sessionId, string answerId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId} resumed ({Status})")]
    private partial void LogResumed(string sessionId, string status);
}
