using System.ClientModel;
using System.Net;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Interviewer.Llm;

/// <summary>
/// Grades with a chat model: the prompt asks for a verdict per key point with a verbatim quote; the code checks the verdict
/// (<see cref="VerdictParser"/>, one repair attempt), keeps only the claims the answer supports (<see cref="VerdictChecker"/>)
/// and computes the score itself. When the model cannot answer in budget, the keyword grade is returned, degraded.
/// </summary>
internal sealed partial class LlmGrader : IAnswerGrader
{
    private readonly IChatCompletionService _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly LlmOptions _options;
    private readonly KeywordGrader _keyword;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmGrader(IChatCompletionService chat, ResiliencePipeline pipeline, LlmOptions options, KeywordGrader keyword, TimeProvider time, ILogger<LlmGrader>? logger = null)
    {
        _chat = chat;
        _pipeline = pipeline;
        _options = options;
        _keyword = keyword;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Name => GraderNames.Llm;

    public async ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var screened = ScreenedAnswer.Of(request, _keyword);
        if (string.IsNullOrWhiteSpace(request.Answer))
        {
            // Nothing to judge: no call, and the same all-missing grade the model would have to give.
            return Stamp(screened.KeywordGrade with { Grader = Name, Model = _options.ModelName, PromptHash = LlmPrompt.Hash }, started);
        }

        // One budget for the whole grade, repair included.
        using var budget = new CancellationTokenSource(_options.TotalTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            var prompt = LlmPrompt.Build(request, Examples(request.Question, screened.KeywordGrade.Anchors));
            var history = new ChatHistory();
            history.AddSystemMessage(prompt.System);
            history.AddUserMessage(prompt.User);
            var settings = LlmChatBackend.Settings(_options, request);

            var reply = await CallAsync(history, settings, linked.Token).ConfigureAwait(false);
            var parsed = VerdictParser.Parse(reply, request.Question);
            if (!parsed.IsValid)
            {
                LogRepair(_logger, request.Question.Id, string.Join("; ", parsed.Problems));
                history.AddAssistantMessage(reply ?? string.Empty);
                history.AddUserMessage(LlmPrompt.Repair(request, parsed.Problems));
                reply = await CallAsync(history, settings, linked.Token).ConfigureAwait(false);
                parsed = VerdictParser.Parse(reply, request.Question);
            }
            if (parsed.Verdict is not { } verdict)
            {
                return Degrade(screened, DegradedReasons.InvalidVerdict, string.Join("; ", parsed.Problems), started);
            }
            return Stamp(Build(screened, verdict), started);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return Degrade(screened, DegradedReasons.Timeout, "the total timeout ran out", started);
        }
#pragma warning disable CA1031 // A grade never fails because the model did: every failure degrades to the keyword grade.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Degrade(screened, Reason(e), e.Message, started);
        }
    }

    private async Task<string?> CallAsync(ChatHistory history, PromptExecutionSettings settings, CancellationToken ct)
    {
        var reply = await _pipeline.ExecuteAsync(
            async token => await _chat.GetChatMessageContentAsync(history, settings, kernel: null, token).ConfigureAwait(false),
            ct).ConfigureAwait(false);
        return reply.Content;
    }

    private GradeResult Build(ScreenedAnswer screened, LlmVerdict verdict)
    {
        var request = screened.Request;
        var (checkedKeyPoints, checkFlags) = VerdictChecker.Check(screened, verdict, _keyword);
        var target = Scoring.FollowUpTarget(request.Question, checkedKeyPoints);
        // Text the model wrote for the candidate is used only when the answer did not try to steer it and every claim held.
        var trusted = !screened.HasInjection && checkFlags.Count == 0;
        var followUp = target is null ? null
            : trusted && verdict.FollowUp is { Length: > 0 and <= 500 } asked ? asked
            : target.FollowUp;
        var feedback = trusted && verdict.Feedback.Length <= 1500 ? verdict.Feedback : string.Empty;
        // What the keyword grader noticed about the answer (too short, a list of terms, an injection) holds for this grade too.
        var flags = screened.KeywordGrade.Flags.Concat(checkFlags).Distinct().ToList();
        // A list of rubric terms is capped whichever grader reads it.
        var keyPoints = flags.Contains(GradeFlags.KeywordStuffing)
            ? Scoring.Capped(request.Question, checkedKeyPoints, _keyword.Options.KeywordStuffingCap)
            : checkedKeyPoints;
        return new GradeResult(
            request.Question.Id,
            Scoring.Score(request.Question, keyPoints),
            Name,
            Degraded: false,
            request.Bank.Ref,
            keyPoints,
            followUp,
            feedback,
            flags)
        {
            Model = _options.ModelName,
            PromptHash = LlmPrompt.Hash,
            Anchors = screened.KeywordGrade.Anchors,
        };
    }

    /// <summary>The exemplars the keyword grade anchored on (the closest scored answers), most similar first.</summary>
    private static IReadOnlyList<Exemplar> Examples(Question question, IReadOnlyList<GradeAnchor>? anchors) =>
        anchors is null ? [] : [.. anchors.Select(a => question.Exemplars.FirstOrDefault(e => e.Id == a.ExemplarId)).OfType<Exemplar>()];

    private GradeResult Degrade(ScreenedAnswer screened, string reason, string detail, long started)
    {
        LogDegraded(_logger, screened.Request.Question.Id, reason, detail);
        return Stamp(screened.KeywordGrade with { Degraded = true, DegradedReason = reason }, started);
    }

    private GradeResult Stamp(GradeResult grade, long started) =>
        grade with { LatencyMs = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1) };

    internal static string Reason(Exception exception) => exception switch
    {
        TimeoutRejectedException => DegradedReasons.Timeout,
        BrokenCircuitException => DegradedReasons.CircuitOpen,
        RateLimiterRejectedException => DegradedReasons.Busy,
        HttpOperationException { StatusCode: HttpStatusCode.TooManyRequests } => DegradedReasons.RateLimited,
        HttpOperationException { StatusCode: null } => DegradedReasons.Unreachable,
        HttpOperationException e when LlmResilience.IsTransient(e) => DegradedReasons.ServerError,
        HttpOperationException => DegradedReasons.Rejected,
        ClientResultException { Status: 429 } => DegradedReasons.RateLimited,
        ClientResultException { Status: 0 } or HttpRequestException => DegradedReasons.Unreachable,
        ClientResultException e when LlmResilience.IsTransient(e) => DegradedReasons.ServerError,
        ClientResultException => DegradedReasons.Rejected,
        _ => DegradedReasons.Error,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM verdict for {QuestionId} was invalid ({Problems}); asking once more")]
    private static partial void LogRepair(ILogger logger, string questionId, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM grade for {QuestionId} degraded to the keyword grade: {Reason} ({Detail})")]
    private static partial void LogDegraded(ILogger logger, string questionId, string reason, string detail);
}
