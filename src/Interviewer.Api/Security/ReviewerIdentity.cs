using System.Security.Claims;

namespace Interviewer.Api.Security;

/// <summary>Who a reviewer is, for what they record (reviews, saved runs).</summary>
internal static class ReviewerIdentity
{
    /// <summary>The name given to keys that carry none.</summary>
    public const string Unnamed = "reviewer";

    /// <summary>The reviewer's name from a named key (<c>name:key</c>), else <see cref="Unnamed"/>.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? name : Unnamed;
}
