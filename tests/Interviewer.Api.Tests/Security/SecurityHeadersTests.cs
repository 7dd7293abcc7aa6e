using System.Net;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Security;

public sealed class SecurityHeadersTests
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    public static TheoryData<string, string, HttpStatusCode> Routes => new()
    {
        { "GET", "/", HttpStatusCode.OK },
        { "GET", "/index.html", HttpStatusCode.OK },
        { "GET", "/batch", HttpStatusCode.OK },
        { "GET", "/batch.html", HttpStatusCode.OK },
        { "GET", "/calibrate.html", HttpStatusCode.OK },
        { "GET", "/css/site.css", HttpStatusCode.OK },
        { "GET", "/js/interview.js", HttpStatusCode.OK },
        { "GET", "/lib/signalr.min.js", HttpStatusCode.OK },
        { "GET", "/api/banks", HttpStatusCode.OK },
        { "GET", "/api/banks/nope", HttpStatusCode.NotFound },
        { "GET", "/api/sessions", HttpStatusCode.Unauthorized },
        { "POST", "/api/grade", HttpStatusCode.Unauthorized },
        { "GET", "/health", HttpStatusCode.OK },
        { "GET", "/metrics", HttpStatusCode.Unauthorized },
        { "GET", "/openapi/v1.json", HttpStatusCode.Unauthorized },
        { "POST", "/hubs/interview/negotiate?negotiateVersion=1", HttpStatusCode.OK },
        { "GET", "/no/such/page", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRoute_CarriesTheSecurityHeaders(string method, string path, HttpStatusCode status)
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_IsSentWhenAConfiguredProxySaysTheRequestCameOverHttps()
    {
        await using var app = new InterviewerApp(new Dictionary<string, string?> { ["Interviewer:Security:KnownProxies:0"] = "127.0.0.1" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_IsNotSentWhenTheForwardedProtoComesFromAnUnknownAddress()
    {
        await using var app = new InterviewerApp();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : string.Empty;
}
