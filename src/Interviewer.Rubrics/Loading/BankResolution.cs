using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Loading;

/// <summary>How a bank named by a request (or not named) was resolved: the bank, or why there is none.</summary>
/// <param name="Bank">The bank; null when it is unknown or none was named and none could be chosen.</param>
/// <param name="RequestedId">The id asked for, when one was.</param>
/// <param name="Available">The ids of the banks that are loaded.</param>
public sealed record BankResolution(QuestionBank? Bank, string? RequestedId, IReadOnlyList<string> Available)
{
    /// <summary>A bank was named that is not loaded (hosts answer 404 / exit 2).</summary>
    public bool IsUnknown => Bank is null && RequestedId is not null;

    /// <summary>No bank was named and several are loaded, so none could be chosen.</summary>
    public bool IsAmbiguous => Bank is null && RequestedId is null;

    /// <summary>The one text that says why there is no bank; null when there is one.</summary>
    public string? Error => Bank is not null ? null
        : RequestedId is not null ? $"unknown bank '{RequestedId}'; banks: {string.Join(", ", Available)}"
        : $"several banks are loaded; name one ({string.Join(", ", Available)})";
}
