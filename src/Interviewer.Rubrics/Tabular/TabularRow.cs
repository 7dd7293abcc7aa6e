namespace Interviewer.Rubrics.Tabular;

/// <summary>One row of a CSV or JSON Lines input, with the line it starts on.</summary>
/// <param name="Line">One-based line number where the row starts in the input.</param>
/// <param name="Fields">Field values by snake_case column name (<see cref="ColumnNames"/>); absent columns are not present.</param>
/// <param name="Error">Why the row could not be read (broken quoting, invalid JSON); null when it was read.</param>
public sealed record TabularRow(int Line, IReadOnlyDictionary<string, string?> Fields, string? Error = null)
{
    /// <summary>The field's value, trimmed, or null when the column is absent or blank.</summary>
    public string? Get(string column) =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

/// <summary>The formats rows can be read from.</summary>
public enum TabularFormat
{
    /// <summary>Comma- or semicolon-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
