using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Interviewer.Rubrics.Calibration;

/// <summary>
/// Writes scored answers as calibration rows (<c>answer_id, question_id, answer, score, max_score, rater</c>) in CSV or
/// JSON Lines, as <see cref="CalibrationRows"/> reads them back: what <c>interviewer calibrate</c> and
/// <c>interviewer exemplars import</c> take unchanged. Text is written exactly (no spreadsheet formula escaping), so
/// that an answer reads back as it was given.
/// </summary>
public static class CalibrationRowWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["answer_id", "question_id", "answer", "score", "max_score", "rater"];

    /// <summary>Writes <paramref name="rows"/> as JSON Lines.</summary>
    public static void WriteJsonLines(TextWriter writer, IEnumerable<ScoredAnswer> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            var line = new Dictionary<string, object?>
            {
                ["answer_id"] = row.AnswerId,
                ["question_id"] = row.QuestionId,
                ["answer"] = row.Answer,
                ["score"] = row.Score,
                ["max_score"] = row.MaxScore,
                ["rater"] = row.Rater,
            };
            writer.Write(JsonSerializer.Serialize(line, InterviewerJson.Options));
            writer.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="rows"/> as CSV with a header row.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<ScoredAnswer> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var row in rows)
        {
            csv.WriteField(row.AnswerId);
            csv.WriteField(row.QuestionId);
            csv.WriteField(row.Answer);
            csv.WriteField(row.Score.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.MaxScore.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Rater);
            csv.EndRecord();
        }
        csv.Flush();
    }
}

/// <summary>An answer a person scored: one calibration row.</summary>
/// <param name="AnswerId">The answer's id; the same id from several raters is one answer scored several times.</param>
/// <param name="QuestionId">The bank question answered.</param>
/// <param name="Answer">The answer's text.</param>
/// <param name="Score">The person's score, 0..<paramref name="MaxScore"/>.</param>
/// <param name="MaxScore">The top of the person's scale.</param>
/// <param name="Rater">Who scored it.</param>
public sealed record ScoredAnswer(string AnswerId, string QuestionId, string Answer, double Score, double MaxScore, string Rater);
