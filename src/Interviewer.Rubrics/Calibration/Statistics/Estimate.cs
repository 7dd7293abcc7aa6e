using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Calibration.Statistics;

/// <summary>
/// A statistic's value, or why it is undefined (never NaN): e.g. a correlation when every score is equal.
/// </summary>
/// <param name="Value">The value; null when undefined.</param>
/// <param name="Reason">Why the value is undefined; null when it is defined.</param>
public sealed record Estimate(double? Value, string? Reason = null)
{
    /// <summary>A defined value (a NaN or infinity becomes undefined).</summary>
    public static Estimate Of(double value) =>
        double.IsFinite(value) ? new Estimate(value) : new Estimate(null, "not a finite number");

    /// <summary>An undefined value, with the reason a reader needs.</summary>
    public static Estimate Undefined(string reason) => new(null, reason);

    /// <summary>True when the value is defined.</summary>
    [JsonIgnore]
    public bool IsDefined => Value is not null;
}

/// <summary>A 95% percentile-bootstrap confidence interval.</summary>
/// <param name="Low">The 2.5th percentile of the resampled statistic.</param>
/// <param name="High">The 97.5th percentile of the resampled statistic.</param>
public sealed record ConfidenceInterval(double Low, double High);

/// <summary>A statistic with its 95% bootstrap confidence interval; the JSON shape of every figure in a calibration report.</summary>
/// <param name="Value">The statistic on the whole sample; null when undefined.</param>
/// <param name="Ci95">The 95% bootstrap interval; null when the statistic is undefined or the sample too small to resample.</param>
/// <param name="Reason">Why the value is undefined; omitted when it is defined.</param>
public sealed record Measure(
    double? Value,
    ConfidenceInterval? Ci95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    /// <summary>An undefined measure.</summary>
    public static Measure Undefined(string reason) => new(null, null, reason);

    /// <summary>A measure from an estimate and its interval.</summary>
    public static Measure From(Estimate estimate, ConfidenceInterval? ci) =>
        estimate.Value is { } value ? new Measure(Math.Round(value, 4), ci is null ? null : new ConfidenceInterval(Math.Round(ci.Low, 4), Math.Round(ci.High, 4))) : Undefined(estimate.Reason ?? "undefined");
}
