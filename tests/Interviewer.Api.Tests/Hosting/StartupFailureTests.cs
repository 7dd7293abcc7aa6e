using System.Net;
using System.Net.Sockets;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Hosting;

/// <summary>
/// A bad setting stops the real process at start with exit code 1 and one log line that names the setting, and no stack
/// trace (docs/deploy.md, "Startup failures").
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task UnreachablePostgres_StopsNamingTheConnectionString()
    {
        var (exitCode, output) = await RunAsync(new()
        {
            ["Interviewer:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Interviewer"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=interviewer;Username=app;Password=secret-word;Timeout=5",
        });

        AssertOneFailureLine(exitCode, output, "ConnectionStrings:Interviewer: cannot use PostgreSQL at 127.0.0.1:");
        Assert.DoesNotContain("secret-word", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableRedis_StopsNamingTheConnectionString()
    {
        var port = ClosedPort();

        var (exitCode, output) = await RunAsync(new() { ["ConnectionStrings:Redis"] = $"127.0.0.1:{port},connectTimeout=2000" });

        AssertOneFailureLine(exitCode, output, $"ConnectionStrings:Redis: cannot connect to Redis at 127.0.0.1:{port} within 2000 ms");
    }

    [Fact]
    public async Task MalformedRedisConfiguration_StopsNamingTheConnectionString()
    {
        var (exitCode, output) = await RunAsync(new() { ["ConnectionStrings:Redis"] = "127.0.0.1:6379,colour=blue" });

        AssertOneFailureLine(exitCode, output, "ConnectionStrings:Redis is not a Redis configuration");
    }

    [Fact]
    public async Task MissingRubricsFolder_StopsNamingTheSetting()
    {
        var missing = Path.Combine(TestRun.Folder("rubrics").FullName, "nowhere");

        var (exitCode, output) = await RunAsync(new() { ["Interviewer:Rubrics:Path"] = missing });

        AssertOneFailureLine(exitCode, output, $"Interviewer:Rubrics:Path: the rubrics folder '{missing}' does not exist.");
    }

    [Fact]
    public async Task InvalidRubric_StopsWithTheFileAndLine()
    {
        var rubrics = TestRun.Folder("rubrics").FullName;
        CopyFolder(LiveApps.FixtureRubrics, rubrics);
        var question = Path.Combine(rubrics, "test-bank", "questions", "alpha-two.yaml");
        File.WriteAllText(question, File.ReadAllText(question).Replace("category: alpha", "category: gamma", StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync(new() { ["Interviewer:Rubrics:Path"] = rubrics });

        AssertOneFailureLine(exitCode, output, $"Interviewer:Rubrics:Path: the banks in '{rubrics}' do not load: {question}:2:");
    }

    [Fact]
    public async Task DataDirectoryThatIsAFile_StopsNamingTheSetting()
    {
        var file = Path.Combine(TestRun.Folder("data").FullName, "not-a-folder");
        File.WriteAllText(file, "x");

        var (exitCode, output) = await RunAsync(new() { ["Interviewer:Storage:DataDirectory"] = Path.Combine(file, "data") });

        AssertOneFailureLine(exitCode, output, "Interviewer:Storage:DataDirectory: cannot use the SQLite database");
    }

    [Fact]
    public async Task TwoBadSettings_AreBothNamedOnTheOneLine()
    {
        var (exitCode, output) = await RunAsync(new()
        {
            ["Interviewer:Storage:SqliteSynchronous"] = "Sometimes",
            ["Interviewer:Security:ReviewerKeys:0"] = "too-short",
        });

        AssertOneFailureLine(exitCode, output, "Interviewer:Storage:SqliteSynchronous is 'Sometimes'");
        AssertOneFailureLine(exitCode, output, "Interviewer:Security:ReviewerKeys:0 is a key of 9 characters");
    }

    private static Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> settings)
    {
        settings.TryAdd("Interviewer:Rubrics:Path", LiveApps.FixtureRubrics);
        settings["Interviewer:Interviews:DefaultBank"] = "test-bank";
        settings.TryAdd("Interviewer:Storage:DataDirectory", TestRun.Folder("data").FullName);
        settings.TryAdd("Interviewer:Security:ReviewerKeys:0", "startup-failure-test-reviewer-key-0123456789");
        return ServiceProcess.RunToExitAsync(settings);
    }

    private static void AssertOneFailureLine(int exitCode, string output, string expected)
    {
        Assert.Equal(1, exitCode);
        var failures = output.Split('\n').Where(l => l.Contains("The service cannot start:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(failures);
        Assert.StartsWith("crit: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>A loopback port that nothing listens on.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
