using Interviewer.Api.Input;
using Interviewer.Api.Security;
using Interviewer.Rubrics.Calibration.Input;
using Interviewer.Rubrics.Tabular;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Calibration;

/// <summary>
/// The calibration's size, checked before any grading: rows after <c>score_*</c> columns become one row per rater
/// (<c>MaxBatchRows</c>), distinct raters (<c>MaxCalibrationRaters</c>) and what-if suggestions (<c>MaxWhatIfSuggestions</c>).
/// Counting stops at the first limit passed, so a huge request costs no more than a limit's worth of rows.
/// </summary>
internal static class CalibrationLimits
{
    public static ProblemHttpResult? Check(IReadOnlyList<TabularRow> rows, int whatIfCount, LimitsOptions limits)
    {
        if (whatIfCount > limits.MaxWhatIfSuggestions)
        {
            return ApiProblems.TooLarge(nameof(LimitsOptions.MaxWhatIfSuggestions),
                $"{whatIfCount} what-if suggestions; at most {limits.MaxWhatIfSuggestions} ({LimitsOptions.Section}:{nameof(LimitsOptions.MaxWhatIfSuggestions)}).");
        }
        var raters = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var row in RaterColumns.Expand(rows))
        {
            if (++count > limits.MaxBatchRows)
            {
                return ApiProblems.TooLarge(nameof(LimitsOptions.MaxBatchRows),
                    $"More than {limits.MaxBatchRows:N0} rows once each rater's score_* column counts as a row ({LimitsOptions.Section}:{nameof(LimitsOptions.MaxBatchRows)}); " +
                    "split them, or use the 'interviewer' command line, which has no limit.");
            }
            if (row.Get("rater") is { } rater && raters.Add(rater) && raters.Count > limits.MaxCalibrationRaters)
            {
                return ApiProblems.TooLarge(nameof(LimitsOptions.MaxCalibrationRaters),
                    $"More than {limits.MaxCalibrationRaters} distinct raters ({LimitsOptions.Section}:{nameof(LimitsOptions.MaxCalibrationRaters)}); " +
                    "calibrate a few raters at a time.");
            }
        }
        return null;
    }
}
