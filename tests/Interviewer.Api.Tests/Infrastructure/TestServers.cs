using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis servers the tests share. CI starts them and passes their addresses in
/// <c>INTERVIEWER_TEST_POSTGRES</c> (a connection string without a database) and <c>INTERVIEWER_TEST_REDIS</c>
/// (<c>host:port</c>); without those, the first test that needs one starts a throwaway server on a free loopback port
/// (Debian's <c>postgresql</c> and <c>redis-server</c>), stopped when the test process ends or is killed (<see cref="TestRun"/>).
/// </summary>
internal static class TestServers
{
    public const string PostgresVariable = "INTERVIEWER_TEST_POSTGRES";
    public const string RedisVariable = "INTERVIEWER_TEST_REDIS";

    private static readonly Lazy<string> LazyPostgres = new(() => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } given ? given : StartPostgres());
    private static readonly Lazy<string> LazyRedis = new(() => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } given ? given : StartRedis());
    /// <summary>A connection string to the test PostgreSQL server, without a database.</summary>
    public static string Postgres => LazyPostgres.Value;

    /// <summary>The test Redis server, <c>host:port</c>.</summary>
    public static string Redis => LazyRedis.Value;

    private static string StartPostgres()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null || OperatingSystem.IsWindows())
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {PostgresVariable} or install Debian's postgresql (initdb under /usr/lib/postgresql/*/bin).");
        }
        // The server runs as the postgres user when the tests run as root (initdb refuses root), so the folder must be reachable.
        var folder = TestRun.Folder("postgres").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres", folder);
        }
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        RunAs(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
        var pgCtl = Path.Combine(bin, "pg_ctl");
        TestRun.AtExit($"{(asRoot ? "runuser -u postgres -- " : "")}{pgCtl} -D {data} -m immediate stop");
        RunAs(asRoot, pgCtl, "-D", data, "-o", options, "-l", Path.Combine(folder, "log"), "-w", "start");
        return $"Host=127.0.0.1;Port={port};Username=postgres";
    }

    private static string StartRedis()
    {
        var port = FreePort();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var redis = new Process
        {
            StartInfo = new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]) { RedirectStandardOutput = true, UseShellExecute = false },
        };
        redis.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        try
        {
            redis.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Redis tests need a server: set {RedisVariable} or install Debian's redis-server.", ex);
        }
        redis.BeginOutputReadLine();
        TestRun.AtExit($"kill -9 {redis.Id}");
        if (!ready.Task.Wait(TimeSpan.FromSeconds(15)))
        {
            throw new InvalidOperationException($"redis-server did not start on port {port} within 15 s.");
        }
        return $"127.0.0.1:{port}";
    }

    private static void RunAs(bool asRoot, string program, params string[] arguments)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
