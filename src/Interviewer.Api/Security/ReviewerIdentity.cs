using System.Security.Claims;

namespace Interviewer.Api.Security;

/// <summary>Who a reviewer is, for what they record (reviews, saved runs).</summary>
internal static class ReviewerIdentity
{
    /// <summary>The reviewer's name from a named key (<c>name:key</c>), else the name unnamed keys get.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.ReviewerName() is { Length: > 0 } name ? name : ReviewerKey.DefaultName;
}
