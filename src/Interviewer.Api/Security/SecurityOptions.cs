namespace Interviewer.Api.Security;

/// <summary>Reviewer keys (<c>Interviewer:Security</c>), e.g. <c>Interviewer__Security__ReviewerKeys__0=...</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Security";

    /// <summary>Keys that open the reviewer routes. When empty, one is generated at start and printed once.</summary>
    public List<string> ReviewerKeys { get; set; } = [];
}
