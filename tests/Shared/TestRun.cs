using System.Diagnostics;

namespace Interviewer.Testing;

/// <summary>
/// What a test process leaves behind, cleaned up when it ends: every folder a test makes lives under one root for the
/// process, and servers register how to stop them. A watcher outside the test process's tree (started with
/// <c>setsid -f</c>, reading a pipe from this process) does the clean-up once the pipe closes — on a normal exit, and
/// also when the runner kills the test process, which runs no code of ours.
/// </summary>
internal static class TestRun
{
    // Runs the registered commands (last first) once every writer of its standard input is gone, then removes the root.
    // It keeps no other descriptor of the test process (a runner's pipe held open could keep the runner waiting).
    private const string Watcher = """
        for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
        exec 2>/dev/null
        commands=''
        while IFS= read -r line; do commands="$line
        $commands"; done
        eval "$commands" >/dev/null 2>&1
        rm -rf "$1"
        """;

    private static readonly Lazy<(string Root, Process? Watcher)> State = new(Start);
    private static readonly Lock Gate = new();

    /// <summary>A new empty folder for one test, removed with the test run.</summary>
    public static DirectoryInfo Folder(string name) =>
        Directory.CreateDirectory(Path.Combine(State.Value.Root, $"{name}-{Guid.NewGuid().ToString("N")[..8]}"));

    /// <summary>A shell command (bash) that stops something this run started; run once when the test process ends.</summary>
    public static void AtExit(string command)
    {
        lock (Gate)
        {
            State.Value.Watcher?.StandardInput.WriteLine(command);
        }
    }

    private static (string, Process?) Start()
    {
        // Reachable by other users (the test PostgreSQL runs as postgres); the process id names whose it is.
        var root = Path.Combine(Path.GetTempPath(), $"interviewer-tests-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
            return (root, null);
        }
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var watcher = Process.Start(new ProcessStartInfo("setsid", ["-f", "bash", "-c", Watcher, "watcher", root])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        watcher.StandardInput.AutoFlush = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // The watcher holds the output pipe open until it has cleaned up: wait for that, so the run ends clean
            // (a runner that kills the test process meanwhile leaves the watcher to finish on its own).
            var done = watcher.StandardOutput.ReadToEndAsync();
            lock (Gate)
            {
                watcher.StandardInput.Close();
            }
            done.Wait(TimeSpan.FromSeconds(30));
        };
        return (root, watcher);
    }
}
