using System.Text.RegularExpressions;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Calibration.Input;

/// <summary>
/// Accepts rows that carry several raters' scores as columns (<c>score_a</c>, <c>score_b</c>, as in the Mohler data set):
/// each such row becomes one row per rater, with <c>rater</c> = the suffix and <c>score</c> = that rater's score.
/// The row's own <c>score</c> (there, the official mean) is then ignored: the calibration recomputes the mean of the raters.
/// A column counts as a rater's when it is <c>score_</c> followed by one word of letters or digits (so <c>score_ab_mean</c>
/// and <c>score_a_raw</c> are not raters). Rows without such columns pass through unchanged.
/// </summary>
public static partial class RaterColumns
{
    /// <summary>Expands several-rater rows; other rows are returned as they are.</summary>
    public static IEnumerable<TabularRow> Expand(IEnumerable<TabularRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            var raters = row.Error is null
                ? row.Fields.Keys.Select(k => RaterColumn().Match(k)).Where(m => m.Success).Select(m => (Column: m.Value, Rater: m.Groups[1].Value)).OrderBy(r => r.Rater, StringComparer.Ordinal).ToList()
                : [];
            if (raters.Count == 0)
            {
                yield return row;
                continue;
            }
            foreach (var (column, rater) in raters)
            {
                if (row.Get(column) is null)
                {
                    continue;
                }
                var fields = new Dictionary<string, string?>(row.Fields, StringComparer.OrdinalIgnoreCase)
                {
                    ["score"] = row.Fields[column],
                    ["rater"] = rater,
                };
                yield return row with { Fields = fields };
            }
        }
    }

    [GeneratedRegex("^score_([a-z0-9]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RaterColumn();
}
