using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Interviewer.Api.Security.Limits;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>The reviewer-key policy and how routes ask for it.</summary>
public static class ReviewerPolicy
{
    /// <summary>The policy name.</summary>
    public const string Name = "Reviewer";

    /// <summary>The role a valid reviewer key grants.</summary>
    public const string Role = "reviewer";

    /// <summary>Registers reviewer-key authentication, the policy, and the limits.</summary>
    public static IServiceCollection AddInterviewerSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddClientAddress();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewerKeyStore>();
        services.AddSingleton<RejectionLog>();
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<ActiveSessions>();
        services.AddHttpLimits();
        services.AddAuthentication(ReviewerKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ReviewerKeyAuthenticationHandler>(ReviewerKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Name, policy => policy.RequireRole(Role));
        return services;
    }

    /// <summary>Only callers with a valid reviewer key reach these endpoints.</summary>
    public static TBuilder RequireReviewer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name);

    /// <summary>
    /// The name of the reviewer whose key opened this request (<c>ana</c> for <c>ana:KEY</c>, <c>reviewer</c> for an unnamed
    /// key); null for a caller without a reviewer key. Reviews and runs record it.
    /// </summary>
    public static string? ReviewerName(this ClaimsPrincipal user) =>
        user.IsInRole(Role) ? user.FindFirstValue(ClaimTypes.Name) : null;

    /// <summary>True when the request carries a valid reviewer key (for routes that show more to reviewers).</summary>
    public static async Task<bool> IsReviewerAsync(this HttpContext context) =>
        (await context.AuthenticateAsync(ReviewerKeyAuthenticationHandler.SchemeName)).Succeeded;
}
