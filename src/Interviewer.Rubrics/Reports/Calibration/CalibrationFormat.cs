using System.Globalization;
using Interviewer.Rubrics.Calibration.Statistics;

namespace Interviewer.Rubrics.Reports.Calibration;

/// <summary>How figures are written in every calibration rendering.</summary>
internal static class CalibrationFormat
{
    public static string Value(Measure measure) =>
        measure.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";

    public static string WithCi(Measure measure) =>
        measure.Value is null ? $"undefined ({measure.Reason})"
        : measure.Ci95 is { } ci ? $"{Value(measure)} [{N(ci.Low)}, {N(ci.High)}]"
        : Value(measure);

    public static string N(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string N(double? value) => value is { } v ? N(v) : "–";

    public static string Short(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
