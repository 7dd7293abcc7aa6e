using System.Globalization;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Calibration;

/// <summary>Reads calibration rows from CSV or JSON Lines rows; bad rows are reported with their line and left out.</summary>
public static class CalibrationRows
{
    /// <summary>The human scale's top when a row gives none.</summary>
    public const double DefaultMaxScore = 100;

    /// <summary>Reads every row, keeping the good ones and a problem for each bad one.</summary>
    public static (IReadOnlyList<CalibrationRow> Rows, IReadOnlyList<CalibrationProblem> Problems) Read(IEnumerable<TabularRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var good = new List<CalibrationRow>();
        var problems = new List<CalibrationProblem>();
        foreach (var row in rows)
        {
            if (TryParse(row, out var parsed, out var problem))
            {
                good.Add(parsed);
            }
            else
            {
                problems.Add(problem);
            }
        }
        return (good, problems);
    }

    /// <summary>As <see cref="Read(IEnumerable{TabularRow})"/>, after turning several raters' columns into rows (<see cref="Input.RaterColumns"/>).</summary>
    public static (IReadOnlyList<CalibrationRow> Rows, IReadOnlyList<CalibrationProblem> Problems) ReadExpanded(IEnumerable<TabularRow> rows) =>
        Read(Input.RaterColumns.Expand(rows));

    /// <summary>Reads rows from a reader in the given format.</summary>
    public static (IReadOnlyList<CalibrationRow> Rows, IReadOnlyList<CalibrationProblem> Problems) Read(TextReader reader, TabularFormat format) =>
        Read(TabularReader.Read(reader, format));

    /// <summary>Parses one row: fails when it cannot be read, has no answer, no question, or a score outside 0..max_score.</summary>
    public static bool TryParse(TabularRow row, out CalibrationRow parsed, out CalibrationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(row);
        parsed = null!;
        problem = null!;
        if (row.Error is not null)
        {
            problem = new CalibrationProblem(row.Line, row.Error);
            return false;
        }
        var answer = row.Get("answer");
        if (answer is null)
        {
            problem = new CalibrationProblem(row.Line, "no answer: the 'answer' field is missing or blank");
            return false;
        }
        var questionId = row.Get("question_id")?.Trim();
        var question = row.Get("question")?.Trim();
        if (questionId is null && question is null)
        {
            problem = new CalibrationProblem(row.Line, "no question: give 'question_id' or 'question'");
            return false;
        }
        var maxScore = DefaultMaxScore;
        if (row.Get("max_score") is { } maxText)
        {
            if (!TryNumber(maxText, out maxScore) || maxScore <= 0)
            {
                problem = new CalibrationProblem(row.Line, $"max_score '{maxText.Trim()}' is not a number greater than 0");
                return false;
            }
        }
        if (row.Get("score") is not { } scoreText)
        {
            problem = new CalibrationProblem(row.Line, "no score: the 'score' field is missing or blank");
            return false;
        }
        if (!TryNumber(scoreText, out var score))
        {
            problem = new CalibrationProblem(row.Line, $"score '{scoreText.Trim()}' is not a number");
            return false;
        }
        if (score < 0 || score > maxScore)
        {
            problem = new CalibrationProblem(row.Line,
                $"score {score.ToString(CultureInfo.InvariantCulture)} is outside 0..{maxScore.ToString(CultureInfo.InvariantCulture)} (max_score)");
            return false;
        }
        var keyPoints = row.Get("key_points") is { } list
            ? list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        parsed = new CalibrationRow(row.Line, row.Get("answer_id")?.Trim(), questionId, question, row.Get("reference_answer"),
            answer, score, maxScore, row.Get("rater")?.Trim(), keyPoints);
        return true;
    }

    private static bool TryNumber(string text, out double value)
    {
        var trimmed = text.Trim();
        // Spanish spreadsheets write decimal commas ("3,5").
        if (!trimmed.Contains('.', StringComparison.Ordinal) && trimmed.Count(c => c == ',') == 1)
        {
            trimmed = trimmed.Replace(',', '.');
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
