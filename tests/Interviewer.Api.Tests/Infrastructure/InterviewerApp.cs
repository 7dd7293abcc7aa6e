using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>
/// The real service on real Kestrel at 127.0.0.1 on a free port, with its own data folder:
/// each test builds its own (<c>await using var app = new InterviewerApp();</c>) so no test sees another's data.
/// </summary>
public sealed class InterviewerApp : WebApplicationFactory<Program>
{
    public const string ReviewerKey = "test-reviewer-key";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public InterviewerApp(
        IDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        Action<IServiceCollection>? services = null,
        TestStore? store = null)
    {
        _services = services;
        Store = store ?? TestStore.Create(StoreProvider.Sqlite, dataDirectory);
        _settings = new Dictionary<string, string?>(Store.Settings())
        {
            ["Interviewer:Security:ReviewerKeys:0"] = ReviewerKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        UseKestrel(0);
        StartServer();
    }

    /// <summary>This app's store; kept after disposal so that a restart, or a second instance, can share it.</summary>
    public TestStore Store { get; }

    /// <summary>The folder that holds this app's data (the SQLite file); kept after disposal so a restart can reuse it.</summary>
    public string DataDirectory => Store.DataDirectory;

    /// <summary>The base address of the real server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>A client of the real server with the reviewer key.</summary>
    public HttpClient CreateReviewerClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReviewerKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings (e.g. whether an LLM is configured)
        // before the app is built, and only settings given this way are visible that early.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
