using System.Globalization;
using System.Text.Json;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Loading;

/// <summary>
/// Reads a bank's exemplars (<c>exemplars/&lt;question-id&gt;.jsonl</c>, one JSON object per line) and checks them:
/// a file for an unknown question, a line that is not an object, a missing id, an empty answer, a score outside
/// 0..max_score and an id used twice in the bank are each a <c>file:line</c> problem.
/// </summary>
public static class ExemplarLoader
{
    /// <summary>The folder, inside a bank's folder, that holds one file per question with exemplars.</summary>
    public const string FolderName = "exemplars";

    /// <summary>The extension of an exemplar file.</summary>
    public const string Extension = ".jsonl";

    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal) { "id", "answer", "score", "max_score", "rater", "source", "added" };

    /// <summary>The exemplars of each question (by id) found in <paramref name="bankDirectory"/>; problems are added to <paramref name="problems"/>.</summary>
    public static Dictionary<string, List<Exemplar>> Read(string bankDirectory, IReadOnlySet<string> questionIds, List<RubricProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        ArgumentNullException.ThrowIfNull(problems);
        var byQuestion = new Dictionary<string, List<Exemplar>>(StringComparer.Ordinal);
        var folder = Path.Combine(bankDirectory, FolderName);
        if (!Directory.Exists(folder))
        {
            return byQuestion;
        }
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var questionId = Path.GetFileNameWithoutExtension(file);
            if (!questionIds.Contains(questionId))
            {
                problems.Add(new RubricProblem(file, 1, $"exemplars for unknown question '{questionId}': the file name must be a question id of the bank"));
                continue;
            }
            var list = new List<Exemplar>();
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var location = new SourceLocation(file, lineNumber);
                if (Parse(line, location, problems) is not { } exemplar)
                {
                    continue;
                }
                if (!seen.TryAdd(exemplar.Id, location))
                {
                    problems.Add(new RubricProblem(file, lineNumber, $"duplicate exemplar id '{exemplar.Id}' (also at {seen[exemplar.Id]})"));
                    continue;
                }
                list.Add(exemplar);
            }
            if (list.Count > 0)
            {
                byQuestion[questionId] = list;
            }
        }
        return byQuestion;
    }

    private static Exemplar? Parse(string line, SourceLocation at, List<RubricProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            problems.Add(new RubricProblem(at.File, at.Line, $"exemplar: not valid JSON ({e.Message})"));
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RubricProblem(at.File, at.Line, "exemplar: each line must be one JSON object"));
                return null;
            }
            var before = problems.Count;
            void Problem(string message) => problems.Add(new RubricProblem(at.File, at.Line, "exemplar: " + message));
            foreach (var property in root.EnumerateObject())
            {
                if (!s_known.Contains(property.Name))
                {
                    Problem($"unknown field '{property.Name}' (known: {string.Join(", ", s_known)})");
                }
            }
            var id = Text(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem("'id' is missing or empty");
            }
            var answer = Text(root, "answer");
            if (string.IsNullOrWhiteSpace(answer))
            {
                Problem("'answer' is missing or empty");
            }
            var maxScore = Number(root, "max_score") ?? Calibration.CalibrationRows.DefaultMaxScore;
            if (!(maxScore > 0))
            {
                Problem($"'max_score' must be greater than 0 (found {Format(maxScore)})");
            }
            var score = Number(root, "score");
            if (score is null)
            {
                Problem("'score' is missing or not a number");
            }
            else if (score < 0 || score > maxScore)
            {
                Problem($"score {Format(score.Value)} is outside 0..{Format(maxScore)} (max_score)");
            }
            if (problems.Count > before)
            {
                return null;
            }
            return new Exemplar(id!.Trim(), answer!, score!.Value, maxScore)
            {
                Rater = Text(root, "rater"),
                Source = Text(root, "source"),
                Added = Text(root, "added"),
                Location = at,
            };
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : null;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
