using System.ComponentModel.DataAnnotations;

namespace Interviewer.Api.Security;

/// <summary>Limits that keep one client from exhausting the service (<c>Interviewer:Limits</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Limits";

    /// <summary>Longest answer accepted, in characters. Default 20,000 (about 3,000 words).</summary>
    [Range(1, 1_000_000)]
    public int MaxAnswerLength { get; set; } = 20_000;

    /// <summary>Largest HTTP request body, in bytes. Default 10 MB.</summary>
    [Range(1024, 1_073_741_824)]
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most rows in one batch request. Default 5,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchRows { get; set; } = 5_000;

    /// <summary>Most hub messages per minute from one connection. Default 60.</summary>
    [Range(1, 100_000)]
    public int HubMessagesPerMinute { get; set; } = 60;
}
