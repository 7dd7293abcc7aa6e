using System.Collections.Concurrent;
using System.Text;
using Interviewer.Api.Interviews;
using Interviewer.Api.Tests.Interviews;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interviewer.Api.Tests.Telemetry;

/// <summary>docs/deploy.md: with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces go to that OTLP collector.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task OtlpEndpointSet_ExportsTheGradingSpans()
    {
        await using var collector = await Collector.StartAsync();
        await using var app = LiveApps.Create(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 1, Seed: 3));
        await client.NextQuestionAsync();

        await client.AnswerAsync(started.SessionId, LiveApps.CompleteAnswer);

        // Span names travel as UTF-8 strings inside the protobuf body.
        var traces = await collector.WaitForAsync("interview.grade");
        Assert.Contains("interview.submit_answer", traces, StringComparison.Ordinal);
    }

    /// <summary>An OTLP/HTTP collector on 127.0.0.1 (real Kestrel) that keeps what is posted to <c>/v1/traces</c>.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<string> _bodies = new();
        private readonly SemaphoreSlim _received = new(0);

        private Collector(WebApplication app) => _app = app;

        public Uri BaseAddress { get; private set; } = null!;

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var collector = new Collector(builder.Build());
            collector._app.MapPost("/v1/traces", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector._bodies.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
                collector._received.Release();
                return Results.Ok();
            });
            await collector._app.StartAsync();
            collector.BaseAddress = new Uri(collector._app.Urls.First() + "/");
            return collector;
        }

        /// <summary>Everything received once some export holds <paramref name="text"/>; fails after 30 s.</summary>
        public async Task<string> WaitForAsync(string text)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!_bodies.Any(b => b.Contains(text, StringComparison.Ordinal)))
            {
                await _received.WaitAsync(timeout.Token);
            }
            return string.Concat(_bodies);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            _received.Dispose();
        }
    }
}
