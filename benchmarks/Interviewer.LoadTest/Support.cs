using System.Diagnostics;
using System.Globalization;
using Interviewer.Api.Interviews;
using Interviewer.Rubrics.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Interviewer.LoadTest;

/// <summary>The service on real Kestrel at 127.0.0.1, in this process, with its own data folder and quiet logs.</summary>
// Any public type of the service's assembly names its entry point; this program's own Program would clash with the service's.
internal sealed class InProcessServer : WebApplicationFactory<InterviewOptions>
{
    private readonly string _data = Directory.CreateTempSubdirectory("interviewer-load-").FullName;
    private readonly Dictionary<string, string?> _settings = [];

    public static InProcessServer Start(IReadOnlyDictionary<string, string?> settings)
    {
        // The service's files (pages, banks) are copied next to this program: use its folder as the content root.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INTERVIEWER_API", AppContext.BaseDirectory);
        var server = new InProcessServer();
        foreach (var (key, value) in settings)
        {
            server._settings[key] = value;
        }
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>This server's reviewer key (<c>/metrics</c> needs one).</summary>
    public string ReviewerKey { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Interviewer:Storage:DataDirectory"] = _data,
            ["Interviewer:Security:ReviewerKeys:0"] = "load-test:" + ReviewerKey,
            ["Logging:LogLevel:Default"] = "Warning",
            // Every simulated candidate comes from one address: lift the per-address limits past the load.
            ["Interviewer:Limits:HubMessagesPerMinute"] = "1000000",
            ["Interviewer:Limits:InterviewsPerHour"] = "1000000",
            ["Interviewer:Limits:AnswersPerMinute"] = "1000000",
            ["Interviewer:Limits:ConnectionsPerMinute"] = "1000000",
            ["Interviewer:Limits:ApiRequestsPerMinute"] = "1000000",
            ["Interviewer:Limits:ActiveSessionsPerAddress"] = "1000000",
            ["Interviewer:Limits:ActiveSessions"] = "10000000",
        }).AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What the program reads of a <c>Graded</c>, <c>GradeFailed</c> or <c>Completed</c> event: the answer's id (the rest is skipped).</summary>
internal sealed record Receipt(string? AnswerId);

/// <summary>Answers drawn from the model answer: sometimes all of it, sometimes its first sentence (which earns a follow-up).</summary>
internal static class Answers
{
    public static string For(QuestionBank bank, QuestionMessage question, Random random)
    {
        var model = bank.FindQuestion(question.QuestionId)?.ModelAnswer ?? "No sé.";
        if (question.IsFollowUp || random.Next(2) == 0)
        {
            return model;
        }
        var end = model.IndexOf('.', StringComparison.Ordinal);
        return end > 0 ? model[..(end + 1)] : model;
    }
}

/// <summary>Memory figures: this process (in-process mode) and the server's own runtime metrics from /metrics.</summary>
internal static class Memory
{
    /// <param name="reviewerKey">The key for <c>/metrics</c>: the in-process server's, or INTERVIEWER_REVIEWER_KEY's.</param>
    public static async Task<string> MeasureAsync(IReadOnlyList<Uri> urls, bool inProcess, string? reviewerKey)
    {
        var parts = new List<string>();
        if (inProcess)
        {
            using var process = Process.GetCurrentProcess();
            parts.Add($"process working set {process.WorkingSet64 / 1048576.0:0} MB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MB (after full GC)");
        }
        foreach (var url in urls)
        {
            parts.Add(await MeasureServerAsync(url, inProcess, reviewerKey));
        }
        return string.Join("; ", parts);
    }

    private static async Task<string> MeasureServerAsync(Uri baseUrl, bool inProcess, string? reviewerKey)
    {
        var parts = new List<string>();
        try
        {
            var text = await FetchAsync(baseUrl, reviewerKey);
            var workingSet = Sum(text, "dotnet_process_memory_working_set_bytes");
            var heap = Sum(text, "dotnet_gc_last_collection_heap_size_bytes");
            var active = Sum(text, "interviewer_sessions_active");
            if (!inProcess)
            {
                parts.Add($"{baseUrl}: server working set {workingSet / 1048576.0:0} MB, managed heap after last GC {heap / 1048576.0:0} MB");
            }
            parts.Add($"active sessions (server) {active:0}");
        }
        catch (HttpRequestException ex)
        {
            parts.Add($"{baseUrl} metrics unavailable ({ex.Message})");
        }
        return string.Join(", ", parts);
    }

    /// <summary>The server's <c>/metrics</c> text.</summary>
    public static async Task<string> FetchAsync(Uri baseUrl, string? reviewerKey)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (reviewerKey is { Length: > 0 })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", reviewerKey);
        }
        return await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
    }

    public static double Sum(string prometheus, string metric) =>
        prometheus.Split('\n')
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && (l.Length == metric.Length || l[metric.Length] is '{' or ' '))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Sum();
}

/// <summary>
/// What the servers spent, from their <c>/metrics</c> (summed over the URLs): CPU seconds, bytes allocated and GC pause.
/// Read before and after the measured time, it gives the cost of a graded answer, which holds up while other programs
/// load the machine better than latency does.
/// </summary>
internal sealed record ServerCost(double CpuSeconds, double AllocatedBytes, double GcPauseSeconds)
{
    /// <summary>The servers' totals now; null when one of them does not answer.</summary>
    public static async Task<ServerCost?> ReadAsync(IReadOnlyList<Uri> urls, string? reviewerKey)
    {
        var total = new ServerCost(0, 0, 0);
        foreach (var url in urls)
        {
            try
            {
                var text = await Memory.FetchAsync(url, reviewerKey);
                total = new ServerCost(
                    total.CpuSeconds + Memory.Sum(text, "dotnet_process_cpu_time_seconds_total"),
                    total.AllocatedBytes + Memory.Sum(text, "dotnet_gc_heap_total_allocated_bytes_total"),
                    total.GcPauseSeconds + Memory.Sum(text, "dotnet_gc_pause_time_seconds_total"));
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }
        return total;
    }

    /// <summary>What was spent since <paramref name="before"/>, per graded answer and per second.</summary>
    public string Since(ServerCost before, int answers, TimeSpan elapsed)
    {
        var per = Math.Max(1, answers);
        return $"CPU {(CpuSeconds - before.CpuSeconds) * 1000 / per:0.000} ms per graded answer ({(CpuSeconds - before.CpuSeconds) / elapsed.TotalSeconds:0.00} cores), " +
            $"allocated {(AllocatedBytes - before.AllocatedBytes) / 1024 / per:0.0} KB per answer, GC pause {(GcPauseSeconds - before.GcPauseSeconds) * 1000 / elapsed.TotalSeconds:0} ms/s";
    }
}

/// <summary>
/// Where a simulated client connects from: 127.0.N.1, so that a balancer hashing the client's network (nginx
/// <c>ip_hash</c> uses the first three octets) spreads the clients over its instances. Every loopback address is local on Linux.
/// </summary>
internal static class ClientSource
{
    public static void Apply(Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions options, int client, int sources)
    {
        if (sources <= 1)
        {
            return;
        }
        var local = new System.Net.IPEndPoint(new System.Net.IPAddress([127, 0, (byte)((client % sources) + 1), 1]), 0);
        var handler = new System.Net.Http.SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        options.HttpMessageHandlerFactory = _ => handler;
        options.WebSocketFactory = async (context, ct) =>
        {
            var socket = new System.Net.WebSockets.ClientWebSocket();
            await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(handler, disposeHandler: false), ct);
            return socket;
        };
    }
}
