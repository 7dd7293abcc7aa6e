using System.ComponentModel.DataAnnotations;

namespace Interviewer.Api.Security;

/// <summary>Reviewer keys, proxies and management routes (<c>Interviewer:Security</c>), e.g. <c>Interviewer__Security__ReviewerKeys__0=ana:...</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Security";

    /// <summary>The shortest reviewer key accepted, in characters.</summary>
    public const int MinKeyLength = 32;

    /// <summary>
    /// Keys that open the reviewer routes, each optionally named (<c>ana:KEY</c>) so that reviews and runs record who.
    /// Each key is at least <see cref="MinKeyLength"/> characters. When empty, Development generates one and prints it
    /// once; elsewhere reviewer routes answer 503 until keys are configured.
    /// </summary>
    public List<string> ReviewerKeys { get; set; } = [];

    /// <summary>
    /// When set, <c>/metrics</c> and <c>/openapi/*</c> answer only on connections to this local port (list it in
    /// <c>Urls</c>, keep it off the public network), without a key. When unset (default) they need a reviewer key.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "Interviewer:Security:ManagementPort must be a TCP port (1–65535).")]
    public int? ManagementPort { get; set; }

    /// <summary>
    /// Proxies (IP addresses or networks such as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed. Default none: the client address is the connection's.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary><c>Strict-Transport-Security</c> max-age sent on HTTPS responses, in days. Default 365; 0 sends none.</summary>
    [Range(0, 3650, ErrorMessage = "Interviewer:Security:HstsMaxAgeDays must be between {1} and {2}.")]
    public int HstsMaxAgeDays { get; set; } = 365;
}
