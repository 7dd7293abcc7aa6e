using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interviewer.Testing;

/// <summary>One scripted reply of the server.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">The response body, as sent.</param>
/// <param name="Headers">Extra response headers (e.g. <c>Retry-After</c>).</param>
/// <param name="Gate">When set, the reply waits for it (or for the client to give up) before it is sent.</param>
internal sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, Task? Gate = null)
{
    /// <summary>A chat completion whose assistant message is <paramref name="content"/>.</summary>
    public static ScriptedReply Completion(string content, Task? gate = null) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "scripted",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    }), Gate: gate);

    public static ScriptedReply Error(int status, params (string Name, string Value)[] headers) =>
        new(status, """{"error":{"message":"scripted failure","type":"server_error"}}""", headers.ToDictionary(h => h.Name, h => h.Value));
}

/// <summary>A request the server received.</summary>
internal sealed record RecordedRequest(string Path, string Body, string? Authorization, string? ApiKey)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (real Kestrel, port 0) that answers <c>POST /v1/chat/completions</c> (and the
/// Azure OpenAI deployment route) from a queue of scripted replies, and records every request it gets. A request with no
/// reply left in the queue gets a 500.
/// </summary>
internal sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Seen)> _waiting = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _aborted;

    private ScriptedOpenAiServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The endpoint to give the OpenAI connector: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string OpenAiEndpoint => new Uri(BaseAddress, "v1").ToString();

    /// <summary>Requests whose client gave up before the reply was sent.</summary>
    public int Aborted => Volatile.Read(ref _aborted);

    /// <summary>The settings that make the hosts' <c>llm</c> grader call this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Interviewer:Llm:Provider", "OpenAI");
        yield return new("Interviewer:Llm:Endpoint", OpenAiEndpoint);
        yield return new("Interviewer:Llm:Model", "scripted-model");
        yield return new("Interviewer:Llm:ApiKey", "test-key");
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<ScriptedOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public ScriptedOpenAiServer Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
        return this;
    }

    /// <summary>Completes when the server has received <paramref name="count"/> requests; fails after 10 s.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_requests)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((count, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(context.Request.Path, body,
                context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["api-key"].FirstOrDefault()));
            foreach (var waiter in _waiting.Where(w => _requests.Count >= w.Count).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }

        if (!_replies.TryDequeue(out var reply))
        {
            reply = ScriptedReply.Error(500);
        }
        if (reply.Gate is { } gate)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await gate.WaitAsync(both.Token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _aborted);
                return;
            }
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
