using System.Net;
using System.Net.Sockets;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Security;

public sealed class ManagementRoutesTests
{
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    public async Task ManagementRoute_WithAReviewerKey_Answers(string path)
    {
        await using var app = new InterviewerApp();
        using var anonymous = app.CreateClient();
        using var reviewer = app.CreateReviewerClient();

        using var refused = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        using var served = await reviewer.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ManagementPort_ElsewhereThanThisPort_HidesMetricsAndOpenApiEvenFromReviewers()
    {
        await using var app = new InterviewerApp(Port(FreePort()));
        using var reviewer = app.CreateReviewerClient();

        using var metrics = await reviewer.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var openApi = await reviewer.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, openApi.StatusCode);
    }

    [Fact]
    public async Task ManagementPort_ServesMetricsAndOpenApiWithoutAKey()
    {
        var port = FreePort();
        await using var app = new InterviewerApp(Port(port), port: port);
        using var anonymous = app.CreateClient();

        using var metrics = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var openApi = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    private static Dictionary<string, string?> Port(int port) =>
        new() { ["Interviewer:Security:ManagementPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
