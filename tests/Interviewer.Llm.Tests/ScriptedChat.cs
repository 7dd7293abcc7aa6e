using Interviewer.Llm;
using Interviewer.Rubrics.Grading.Keyword;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;

namespace Interviewer.Llm.Tests;

/// <summary>A Moq'd <see cref="IChatCompletionService"/> that answers from a script and keeps a copy of every conversation it was sent.</summary>
internal sealed class ScriptedChat
{
    private readonly Queue<Func<ChatHistory, CancellationToken, Task<string>>> _script = new();
    private readonly List<ChatHistory> _calls = [];

    public ScriptedChat()
    {
        Mock.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatHistory history, PromptExecutionSettings? settings, Kernel? _, CancellationToken ct) =>
            {
                Func<ChatHistory, CancellationToken, Task<string>> next;
                lock (_calls)
                {
                    _calls.Add(new ChatHistory(history));
                    Settings.Add(settings);
                    next = _script.Count > 0 ? _script.Dequeue() : throw new InvalidOperationException("No scripted reply left.");
                }
                var content = await next(history, ct);
                return (IReadOnlyList<ChatMessageContent>)[new ChatMessageContent(AuthorRole.Assistant, content)];
            });
    }

    public Mock<IChatCompletionService> Mock { get; } = new(MockBehavior.Strict);

    public List<PromptExecutionSettings?> Settings { get; } = [];

    public IReadOnlyList<ChatHistory> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public ScriptedChat Reply(params string[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue((_, _) => Task.FromResult(reply));
        }
        return this;
    }

    public ScriptedChat Reply(Func<ChatHistory, string> reply)
    {
        _script.Enqueue((history, _) => Task.FromResult(reply(history)));
        return this;
    }

    public ScriptedChat Throw(Exception exception)
    {
        _script.Enqueue((_, _) => Task.FromException<string>(exception));
        return this;
    }

    /// <summary>A reply that never comes, until the call is cancelled.</summary>
    public ScriptedChat Hang(TaskCompletionSource? started = null)
    {
        _script.Enqueue(async (_, ct) =>
        {
            started?.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return string.Empty;
        });
        return this;
    }

    /// <summary>An LLM grader over this chat, with the real pipeline and keyword grader.</summary>
    public LlmGrader Grader(LlmOptions? options = null, TimeProvider? time = null, Func<double>? randomizer = null)
    {
        options ??= TestRubric.Options();
        time ??= new FakeTimeProvider();
        return new LlmGrader(Mock.Object, LlmResilience.Build(options, time, randomizer), options, new KeywordGrader(), time);
    }

    /// <summary>The answer the grader put between its delimiters in the last call.</summary>
    public static string AnswerIn(ChatHistory history)
    {
        var user = history.First(m => m.Role == AuthorRole.User).Content!;
        var open = user.IndexOf("<<<ANSWER ", StringComparison.Ordinal);
        var start = user.IndexOf('\n', open) + 1;
        var end = user.LastIndexOf("\n<<<END ANSWER ", StringComparison.Ordinal);
        return user[start..end];
    }
}
