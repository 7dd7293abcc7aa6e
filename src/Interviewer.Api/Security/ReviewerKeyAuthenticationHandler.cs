using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;reviewer key&gt;</c>. No key: 401. A key that is not valid: 403. No key configured
/// (outside Development): 503. All answer with Problem Details; a valid key carries its reviewer's name as the name claim.
/// </summary>
internal sealed class ReviewerKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReviewerKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ReviewerKey";
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer <reviewer key>'."));
        }
        if (keys.Find(header[BearerPrefix.Length..].Trim()) is not { } reviewer)
        {
            return Task.FromResult(AuthenticateResult.Fail("The reviewer key is not valid."));
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, reviewer), new Claim(ClaimTypes.Role, ReviewerPolicy.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!keys.Open)
        {
            await WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Reviewer routes are closed",
                $"No reviewer key is configured: set {SecurityOptions.Section}:ReviewerKeys (e.g. Interviewer__Security__ReviewerKeys__0=name:KEY).");
            return;
        }
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is { } failure)
        {
            // Says the key itself was refused, unlike a 403 a route answers for what was asked (saving turned off, say).
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", failure.Message);
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            "This route is for reviewers: send 'Authorization: Bearer <reviewer key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The reviewer key does not open this route.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
