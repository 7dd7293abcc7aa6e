using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly;

namespace Interviewer.Llm.Refining;

/// <summary>What became of one question's refinement.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Refined">Whether the model's key points replaced the draft's.</param>
/// <param name="Reason">Why the draft was kept (null when refined).</param>
public sealed record QuestionRefinement(string QuestionId, bool Refined, string? Reason);

/// <summary>A bank after refinement: each question with the model's key points where they validated, else the draft's.</summary>
public sealed record BankRefinement(QuestionBank Bank, IReadOnlyList<QuestionRefinement> Questions);

/// <summary>
/// Asks the configured model, through the grader's connector and Polly pipeline, to propose each question's key points with
/// Spanish and English phrases, and keeps a proposal only when it holds: the right shape and limits
/// (<see cref="RubricProposal"/>), no instruction to a grader in it, and the bank still validating as <c>interviewer validate</c>
/// checks it (<see cref="BankCheck"/>: it loads, and the model answer scores at least 90 against the proposed rubric).
/// Otherwise the draft stays, with the reason.
/// </summary>
public sealed partial class BankRefiner
{
    private readonly IChatCompletionService _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly LlmOptions _options;
    private readonly ILogger _logger;

    internal BankRefiner(IChatCompletionService chat, ResiliencePipeline pipeline, LlmOptions options, ILogger<BankRefiner>? logger = null)
    {
        _chat = chat;
        _pipeline = pipeline;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Refines every question of <paramref name="bank"/>, one call each, in bank order.</summary>
    public async Task<BankRefinement> RefineAsync(QuestionBank bank, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var questions = new List<Question>();
        var outcomes = new List<QuestionRefinement>();
        foreach (var question in bank.Questions)
        {
            var (refined, reason) = await RefineAsync(bank, question, ct).ConfigureAwait(false);
            questions.Add(refined ?? question);
            outcomes.Add(new QuestionRefinement(question.Id, refined is not null, reason));
            if (reason is not null)
            {
                LogDraftKept(_logger, question.Id, reason);
            }
        }
        return new BankRefinement(bank with { Questions = questions }, outcomes);
    }

    private async Task<(Question? Refined, string? Reason)> RefineAsync(QuestionBank bank, Question question, CancellationToken ct)
    {
        string? reply;
        try
        {
            var (system, user) = RefinePrompt.Build(bank, question);
            var history = new ChatHistory();
            history.AddSystemMessage(system);
            history.AddUserMessage(user);
            // The verdict's schema does not fit a rubric: JSON mode, with the shape in the prompt.
            var settings = LlmChatBackend.Settings(_options, schema: null);
            var message = await _pipeline.ExecuteAsync(
                async token => await _chat.GetChatMessageContentAsync(history, settings, kernel: null, token).ConfigureAwait(false),
                ct).ConfigureAwait(false);
            reply = message.Content;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A refinement never fails the import because the model did: the draft stays, with the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, $"the model gave no proposal ({LlmGrader.Reason(e)}: {e.Message})");
        }

        var (keyPoints, problems) = RubricProposal.Parse(reply, question);
        if (keyPoints is null)
        {
            return (null, "the proposal is not usable: " + string.Join("; ", problems));
        }
        var proposalText = string.Join("\n", keyPoints.SelectMany(k => k.Concepts.SelectMany(c => c.Phrases).Append(k.Text).Append(k.FollowUp)));
        if (InjectionGuard.Find(proposalText).Count > 0)
        {
            return (null, "the proposal holds instructions to a grader");
        }
        var candidate = question with { KeyPoints = keyPoints };
        var single = bank with { Categories = [.. bank.Categories.Where(c => c.Id == question.Category)], Questions = [candidate] };
        var (_, invalid) = BankCheck.ReadBack(single);
        return invalid.Count > 0
            ? (null, "the proposal does not validate: " + string.Join("; ", invalid))
            : (candidate, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rubric refinement of {QuestionId} kept the draft: {Reason}")]
    private static partial void LogDraftKept(ILogger logger, string questionId, string reason);
}
