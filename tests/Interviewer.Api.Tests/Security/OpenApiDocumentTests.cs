using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Security;

/// <summary>The OpenAPI document declares the reviewer key as a bearer scheme, on reviewer routes only; its page is served locally.</summary>
public sealed class OpenApiDocumentTests
{
    [Theory]
    [InlineData("/api/sessions", "get")]
    [InlineData("/api/sessions/{id}", "get")]
    [InlineData("/api/grade", "post")]
    [InlineData("/api/calibrate", "post")]
    [InlineData("/api/runs", "get")]
    [InlineData("/api/runs/{id}", "get")]
    [InlineData("/api/reviews", "get")]
    [InlineData("/api/banks/import", "post")]
    public async Task ReviewerRoute_RequiresTheReviewerKeyScheme(string path, string method)
    {
        var document = await DocumentAsync();

        var security = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("security");

        var requirement = Assert.Single(security.EnumerateArray());
        Assert.Equal(["reviewerKey"], requirement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("/api/banks", "get")]
    [InlineData("/api/banks/{id}", "get")]
    [InlineData("/api/graders", "get")]
    public async Task PublicRoute_HasNoSecurityRequirement(string path, string method)
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.False(operation.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Document_DeclaresTheReviewerKeyAsHttpBearer()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("reviewerKey");

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.False(document.TryGetProperty("security", out _)); // no document-wide requirement: public routes stay public
    }

    [Fact]
    public async Task Page_IsServedWithItsSwaggerUiAssetsFromTheService()
    {
        await using var app = new InterviewerApp();
        using var http = app.CreateClient();

        var page = await http.GetStringAsync(new Uri("/openapi/", UriKind.Relative));
        using var bundle = await http.GetAsync(new Uri("/lib/swagger-ui/swagger-ui-bundle.js", UriKind.Relative));
        using var css = await http.GetAsync(new Uri("/lib/swagger-ui/swagger-ui.css", UriKind.Relative));

        Assert.Contains("src=\"/lib/swagger-ui/swagger-ui-bundle.js\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task Page_WithAManagementPort_IsServedThereOnly()
    {
        var port = ManagementRoutesTests.FreePort();
        var settings = new Dictionary<string, string?> { ["Interviewer:Security:ManagementPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var elsewhere = new InterviewerApp(settings);
        using var http = elsewhere.CreateClient();

        using var hidden = await http.GetAsync(new Uri("/openapi/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        await elsewhere.DisposeAsync();
        await using var there = new InterviewerApp(settings, port: port);
        using var served = await there.CreateClient().GetAsync(new Uri("/openapi/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var app = new InterviewerApp();
        using var reviewer = app.CreateReviewerClient();
        return await reviewer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }
}
