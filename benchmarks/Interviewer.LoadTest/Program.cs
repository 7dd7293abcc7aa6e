using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Interviewer.Api.Interviews;
using Interviewer.LoadTest;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

// Many concurrent interviews over the .NET SignalR client; prints answer→Graded latency, errors and memory.
// Usage: dotnet run -c Release --project benchmarks/Interviewer.LoadTest -- [--sessions 1000] [--duration 60] [--interval 2] [--ramp 20] [--url http://host:port ...] [--sources N]
var settings = LoadSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(LoadSettings.Usage);
    return 2;
}

await using var server = settings.Urls.Count == 0 ? InProcessServer.Start(settings.ServerSettings) : null;
IReadOnlyList<Uri> urls = server is null ? settings.Urls : [server.BaseAddress];
var baseUrl = urls[0];
var bank = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es") ?? throw new InvalidOperationException("The shipped bank mlops-es is missing.");
Console.WriteLine($"server: {(server is null ? string.Join(", ", urls) : $"in-process {baseUrl} (memory figures include the clients)")}{(settings.Sources > 1 ? $"; clients from {settings.Sources} source networks 127.0.N.1" : "")}");
Console.WriteLine($"load: {settings.Sessions} sessions, one answer every {settings.Interval.TotalSeconds:0.#} s each, {settings.Duration.TotalSeconds:0} s measured after a {settings.Ramp.TotalSeconds:0} s ramp");

var latencies = new ConcurrentBag<double>();
var errors = new ConcurrentDictionary<string, int>();
var completedInterviews = 0;
using var stop = new CancellationTokenSource();
var measuring = false;

var users = new List<Task>();
var rampStep = settings.Ramp / Math.Max(1, settings.Sessions);
var clock = Stopwatch.StartNew();
for (var i = 0; i < settings.Sessions; i++)
{
    users.Add(RunUserAsync(i, stop.Token));
    await Task.Delay(rampStep);
}
await Task.Delay(TimeSpan.FromSeconds(2));
var reviewerKey = server?.ReviewerKey ?? Environment.GetEnvironmentVariable("INTERVIEWER_REVIEWER_KEY");
var before = await Memory.MeasureAsync(urls, server is not null, reviewerKey);
Console.WriteLine($"connected: {settings.Sessions} sessions after {clock.Elapsed.TotalSeconds:0.0} s; {before}");
latencies.Clear();
measuring = true;
var costBefore = await ServerCost.ReadAsync(urls, reviewerKey);
var measured = Stopwatch.StartNew();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
await Task.Delay(settings.Duration);
measuring = false;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var elapsed = measured.Elapsed;
var costAfter = await ServerCost.ReadAsync(urls, reviewerKey);
var after = await Memory.MeasureAsync(urls, server is not null, reviewerKey);
stop.Cancel();
await Task.WhenAll(users).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);

var sorted = latencies.Order().ToArray();
Console.WriteLine();
Console.WriteLine($"answers graded in {elapsed.TotalSeconds:0} s: {sorted.Length} ({sorted.Length / elapsed.TotalSeconds:0.0}/s), interviews completed: {completedInterviews}");
Console.WriteLine($"answer→Graded latency ms: p50 {Percentile(sorted, 50):0.0}  p95 {Percentile(sorted, 95):0.0}  p99 {Percentile(sorted, 99):0.0}  max {(sorted.Length == 0 ? 0 : sorted[^1]):0.0}");
Console.WriteLine($"errors: {errors.Values.Sum()}{(errors.IsEmpty ? "" : " — " + string.Join(", ", errors.Select(e => $"{e.Key} ×{e.Value}")))}");
Console.WriteLine($"memory at steady load: {after}");
Console.WriteLine($"CPU of this process while measured: {cpu.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core{(server is null ? "" : " (server and clients)")}, {cpu.TotalMilliseconds / Math.Max(1, sorted.Length):0.000} ms per graded answer; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
if (costBefore is not null && costAfter is not null)
{
    Console.WriteLine($"{(server is null ? "server" : "server and clients")} (from /metrics): {costAfter.Since(costBefore, sorted.Length, elapsed)}");
}
return errors.IsEmpty ? 0 : 1;

async Task RunUserAsync(int index, CancellationToken ct)
{
    var questions = System.Threading.Channels.Channel.CreateUnbounded<QuestionMessage>();
    var pending = new ConcurrentDictionary<string, (long Start, TaskCompletionSource Done)>();
    var completed = System.Threading.Channels.Channel.CreateUnbounded<Receipt>();
    // Clients are spread over the URLs in turn, and over source addresses when a balancer hashes them (nginx ip_hash).
    await using var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(urls[index % urls.Count], "hubs/interview"), o => ClientSource.Apply(o, index, settings.Sources))
        .AddJsonProtocol(o => InterviewerJson.Configure(o.PayloadSerializerOptions))
        .Build();
    connection.On<QuestionMessage>("Question", q => questions.Writer.TryWrite(q));
    // Graded and Completed are read only as far as this program needs them (the answer's id): the whole grade and
    // summary are the page's to read, and parsing them here took CPU from the server it measures.
    connection.On<Receipt>("Completed", c => completed.Writer.TryWrite(c));
    connection.On<Receipt>("GradeFailed", f =>
    {
        errors.AddOrUpdate("grade_failed", 1, (_, n) => n + 1);
        if (f.AnswerId is { } failed && pending.TryRemove(failed, out var p))
        {
            p.Done.TrySetResult();
        }
    });
    connection.On<Receipt>("Graded", g =>
    {
        if (g.AnswerId is { } graded && pending.TryRemove(graded, out var p))
        {
            if (measuring)
            {
                latencies.Add(Stopwatch.GetElapsedTime(p.Start).TotalMilliseconds);
            }
            p.Done.TrySetResult();
        }
    });
    var random = new Random(index);
    try
    {
        await connection.StartAsync(ct);
        var next = DateTime.UtcNow + TimeSpan.FromMilliseconds(random.Next((int)settings.Interval.TotalMilliseconds));
        while (!ct.IsCancellationRequested)
        {
            var started = await connection.InvokeAsync<InterviewStarted>("StartInterview",
                new StartInterviewRequest(QuestionCount: 5, Seed: random.Next()), ct);
            while (!ct.IsCancellationRequested)
            {
                var question = await ReadOrCompletedAsync(questions.Reader, completed.Reader, ct);
                if (question is null)
                {
                    Interlocked.Increment(ref completedInterviews);
                    break;
                }
                var wait = next - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }
                next += settings.Interval;
                var answer = Answers.For(bank, question, random);
                var answerId = Guid.NewGuid().ToString("N");
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                pending[answerId] = (Stopwatch.GetTimestamp(), done);
                await connection.InvokeAsync<AnswerAccepted>("SubmitAnswer", new SubmitAnswerRequest(started.SessionId, answerId, answer, question.Turn), ct);
                try
                {
                    await done.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
                }
                catch (TimeoutException)
                {
                    errors.AddOrUpdate("graded_timeout", 1, (_, n) => n + 1);
                }
            }
        }
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
    }
    catch (Exception ex)
    {
        errors.AddOrUpdate(ex.GetType().Name + ": " + ex.Message[..Math.Min(80, ex.Message.Length)], 1, (_, n) => n + 1);
    }
}

static async Task<QuestionMessage?> ReadOrCompletedAsync(
    System.Threading.Channels.ChannelReader<QuestionMessage> questions,
    System.Threading.Channels.ChannelReader<Receipt> completed,
    CancellationToken ct)
{
    while (true)
    {
        if (questions.TryRead(out var q))
        {
            return q;
        }
        if (completed.TryRead(out _))
        {
            return null;
        }
        var q1 = questions.WaitToReadAsync(ct).AsTask();
        var c1 = completed.WaitToReadAsync(ct).AsTask();
        await Task.WhenAny(q1, c1).WaitAsync(TimeSpan.FromSeconds(30), ct);
    }
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

namespace Interviewer.LoadTest
{
    internal sealed record LoadSettings(int Sessions, TimeSpan Duration, TimeSpan Interval, TimeSpan Ramp, IReadOnlyList<Uri> Urls, int Sources)
    {
        /// <summary>Service settings for the in-process server (<c>--set Key=Value</c>).</summary>
        public Dictionary<string, string?> ServerSettings { get; } = [];

        public const string Usage = "usage: Interviewer.LoadTest [--sessions N (1-20000, default 200)] [--duration S (1-3600, default 60)] [--interval S (default 2)] [--ramp S (default 20)] [--url http://host:port/ (repeat: clients spread over them)] [--sources N (1-250: clients connect from 127.0.1.1..127.0.N.1)] [--set Interviewer:Key=Value (in-process server setting)]";

        public static LoadSettings? Parse(string[] args)
        {
            int sessions = 200, sources = 1;
            double duration = 60, interval = 2, ramp = 20;
            var urls = new List<Uri>();
            var server = new Dictionary<string, string?>();
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--sessions" when int.TryParse(value, out sessions) && sessions is >= 1 and <= 20_000:
                    case "--duration" when double.TryParse(value, CultureInfo.InvariantCulture, out duration) && duration is >= 1 and <= 3600:
                    case "--interval" when double.TryParse(value, CultureInfo.InvariantCulture, out interval) && interval is > 0 and <= 60:
                    case "--ramp" when double.TryParse(value, CultureInfo.InvariantCulture, out ramp) && ramp is >= 0 and <= 600:
                    case "--sources" when int.TryParse(value, out sources) && sources is >= 1 and <= 250:
                        i++;
                        break;
                    case "--set" when value?.IndexOf('=', StringComparison.Ordinal) is > 0:
                        server[value[..value.IndexOf('=', StringComparison.Ordinal)]] = value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
                        i++;
                        break;
                    case "--url" when Uri.TryCreate(value?.TrimEnd('/') + "/", UriKind.Absolute, out var url):
                        urls.Add(url);
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine($"bad argument '{args[i]}'{(value is null ? "" : $" '{value}'")}");
                        return null;
                }
            }
            var settings = new LoadSettings(sessions, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(ramp), urls, sources);
            foreach (var (key, value) in server)
            {
                settings.ServerSettings[key] = value;
            }
            return settings;
        }
    }
}
