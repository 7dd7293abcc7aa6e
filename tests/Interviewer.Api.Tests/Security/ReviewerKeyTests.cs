using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Interviewer.Api.Security;
using Interviewer.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Tests.Security;

public sealed partial class ReviewerKeyTests
{
    private const string AnaKey = "ana-0123456789abcdef0123456789abcdef";
    private const string UnnamedKey = "fedcba9876543210fedcba9876543210";

    [Fact]
    public async Task Production_WithoutKeys_ReviewerRoutesAnswer503NamingTheSetting()
    {
        await using var app = new InterviewerApp(NoKeys, environment: "Production");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything-anything-anything-anything");

        using var sessions = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative));
        using var bank = await client.GetAsync(new Uri("/api/banks/mlops-es", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, sessions.StatusCode);
        Assert.Equal("application/problem+json", sessions.Content.Headers.ContentType?.MediaType);
        var problem = await sessions.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Interviewer:Security:ReviewerKeys", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bank.StatusCode); // the candidate's view of a bank stays open
    }

    [Fact]
    public async Task Production_WithKeys_NoKeyReachesTheLog()
    {
        var logs = new CapturedLogs();
        await using var app = new InterviewerApp(
            new Dictionary<string, string?>
            {
                ["Interviewer:Security:ReviewerKeys:0"] = "ana:" + AnaKey,
                ["Interviewer:Security:ReviewerKeys:1"] = UnnamedKey,
            },
            services: logs.AddTo, environment: "Production");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnaKey);
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", UnnamedKey + "x");

        using var opened = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative));
        using var refused = await wrong.GetAsync(new Uri("/api/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var all = string.Join('\n', logs.Entries.Select(e => e.Text));
        Assert.Contains("ana, reviewer", all, StringComparison.Ordinal);
        Assert.DoesNotContain(AnaKey, all, StringComparison.Ordinal);
        Assert.DoesNotContain(UnnamedKey, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_WithoutKeys_GeneratesOneThatIsNeverLogged()
    {
        var logs = new CapturedLogs();
        await using var app = new InterviewerApp(NoKeys, services: logs.AddTo, environment: "Development");
        using var client = app.CreateClient();

        using var sessions = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, sessions.StatusCode); // open to a key, not closed
        var all = string.Join('\n', logs.Entries.Select(e => e.Text));
        Assert.Contains("printed it on the console", all, StringComparison.Ordinal);
        Assert.False(HexKey().IsMatch(all), "a generated key appears in the log");
    }

    [Fact]
    public void ShortKey_StopsTheServiceNamingTheSettingButNotTheKey()
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() =>
        {
            using var app = new InterviewerApp(new Dictionary<string, string?>
            {
                ["Interviewer:Security:ReviewerKeys:0"] = UnnamedKey,
                ["Interviewer:Security:ReviewerKeys:1"] = "bob:short-secret",
            });
        });

        Assert.Contains("Interviewer:Security:ReviewerKeys:1 (reviewer 'bob') is a key of 12 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ReviewerKeys:0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnaKey, "ana")]
    [InlineData(UnnamedKey, "reviewer")]
    public async Task NamedKey_GivesTheReviewersNameToEndpoints(string key, string expected)
    {
        await using var app = new InterviewerApp(
            new Dictionary<string, string?>
            {
                ["Interviewer:Security:ReviewerKeys:0"] = "ana:" + AnaKey,
                ["Interviewer:Security:ReviewerKeys:1"] = UnnamedKey,
            },
            services: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, WhoAmI>());
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var name = await client.GetStringAsync(new Uri(WhoAmI.Path, UriKind.Relative));

        Assert.Equal(expected, name);
    }

    private static Dictionary<string, string?> NoKeys => new() { ["Interviewer:Security:ReviewerKeys:0"] = "" };

    [GeneratedRegex("[0-9a-f]{48}")]
    private static partial Regex HexKey();

    // A route that answers with the reviewer's name as endpoints read it.
    private sealed class WhoAmI : IStartupFilter
    {
        public const string Path = "/test/whoami";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Path, branch => branch.Run(async context =>
            {
                var result = await context.AuthenticateAsync();
                await context.Response.WriteAsync(result.Principal?.ReviewerName() ?? "(none)");
            }));
            next(app);
        };
    }
}
