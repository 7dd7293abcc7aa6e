using System.Text.Json;

namespace Interviewer.Rubrics.Tabular;

/// <summary>
/// The one rule for column and field names, wherever rows come from (CSV headers, JSON Lines, JSON bodies):
/// snake_case, camelCase, PascalCase, kebab-case and spaced names all become snake_case (<c>questionId</c>,
/// <c>QuestionId</c>, <c>question-id</c> and <c>Question ID</c> are all <c>question_id</c>).
/// </summary>
public static class ColumnNames
{
    /// <summary>The snake_case form of <paramref name="name"/>, without surrounding white space or a byte-order mark.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim().TrimStart('\uFEFF').Trim().Replace('-', '_').Replace(' ', '_');
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(trimmed);
    }
}
