using Microsoft.AspNetCore.Authentication;

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
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewerKeyStore>();
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

    /// <summary>True when the request carries a valid reviewer key (for routes that show more to reviewers).</summary>
    public static async Task<bool> IsReviewerAsync(this HttpContext context) =>
        (await context.AuthenticateAsync(ReviewerKeyAuthenticationHandler.SchemeName)).Succeeded;
}
