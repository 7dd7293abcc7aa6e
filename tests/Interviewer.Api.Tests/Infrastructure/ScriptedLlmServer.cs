using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (real Kestrel, port 0) that answers every <c>POST /v1/chat/completions</c>
/// with one scripted verdict and counts the requests, so that a test sees how often the service called its model.
/// </summary>
internal sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _completion;
    private int _requests;

    private ScriptedLlmServer(WebApplication app, string verdict)
    {
        _app = app;
        _completion = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "scripted-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = verdict }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
    }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The settings that make the service's <c>llm</c> grader call this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Interviewer:Llm:Provider", "OpenAI");
        yield return new("Interviewer:Llm:Endpoint", new Uri(new Uri(_app.Urls.Single()), "v1").ToString());
        yield return new("Interviewer:Llm:Model", "scripted-model");
        yield return new("Interviewer:Llm:ApiKey", "test-key");
    }

    /// <summary>Starts a server whose every reply carries <paramref name="verdict"/> (the grader's JSON) as the assistant's message.</summary>
    public static async Task<ScriptedLlmServer> StartAsync(string verdict)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedLlmServer(app, verdict);
        app.MapPost("/v1/chat/completions", async context =>
        {
            Interlocked.Increment(ref server._requests);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(server._completion, context.RequestAborted);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
