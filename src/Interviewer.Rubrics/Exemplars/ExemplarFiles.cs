using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Exemplars;

/// <summary>
/// Adds and removes a bank's exemplars in its files (<c>exemplars/&lt;question-id&gt;.jsonl</c>). Every change bumps
/// the bank's version, and the bank is loaded again afterwards to check it.
/// </summary>
public static class ExemplarFiles
{
    private static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Imports scored answers (calibration rows: the question by id or exact text) as exemplars. Rows of several raters
    /// for one answer (same answer id, or the same text) become one exemplar with the mean score. An exemplar's id is
    /// the row's <c>answer_id</c>, else derived from the question and the text, so importing the same rows again
    /// replaces them instead of adding copies. Rows that name no question of the bank are reported and left out.
    /// </summary>
    /// <exception cref="RubricLoadException">The bank does not load, before or after the change.</exception>
    public static ExemplarImport Import(string bankDirectory, IEnumerable<CalibrationRow> rows, string source, DateOnly added)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bank = BankLoader.LoadOrThrow(bankDirectory);
        var problems = new List<CalibrationProblem>();
        var answers = new Dictionary<string, (Question Question, List<CalibrationRow> Rows)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var question = (row.QuestionId is { } id ? bank.FindQuestion(id) : null) ?? (row.Question is { } text ? bank.FindQuestionByText(text) : null);
            if (question is null)
            {
                problems.Add(new CalibrationProblem(row.Line, row.QuestionId is not null
                    ? $"unknown question id '{row.QuestionId}' (not in bank '{bank.Id}')"
                    : $"no question of bank '{bank.Id}' has this exact text"));
                continue;
            }
            var key = CalibrationAnswers.Key(question.Id, row.AnswerId, row.Answer);
            if (!answers.TryGetValue(key, out var answer))
            {
                answers[key] = answer = (question, []);
            }
            if (answer.Rows.Count > 0 && answer.Rows[0].MaxScore != row.MaxScore)
            {
                problems.Add(new CalibrationProblem(row.Line, $"max_score differs from line {answer.Rows[0].Line} for the same answer"));
                continue;
            }
            answer.Rows.Add(row);
        }

        var owner = bank.Questions.SelectMany(q => q.Exemplars.Select(e => (e.Id, Question: q.Id))).ToDictionary(p => p.Id, p => p.Question, StringComparer.Ordinal);
        var byQuestion = bank.Questions.ToDictionary(q => q.Id, q => q.Exemplars.ToList(), StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        int addedCount = 0, replaced = 0;
        foreach (var (question, answerRows) in answers.Values)
        {
            var first = answerRows[0];
            var id = first.AnswerId ?? DerivedId(question.Id, first.Answer);
            if (owner.TryGetValue(id, out var other) && other != question.Id)
            {
                problems.Add(new CalibrationProblem(first.Line, $"exemplar id '{id}' is already used by question '{other}'"));
                continue;
            }
            var raters = answerRows.Select(r => r.Rater).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
            var exemplar = new Exemplar(id, first.Answer, Math.Round(answerRows.Average(r => r.Score), 4), first.MaxScore)
            {
                Rater = raters.Count == 0 ? null : string.Join(", ", raters),
                Source = source,
                Added = added.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var list = byQuestion[question.Id];
            var at = list.FindIndex(e => e.Id == id);
            if (at >= 0)
            {
                list[at] = exemplar;
                replaced++;
            }
            else
            {
                list.Add(exemplar);
                addedCount++;
            }
            owner[id] = question.Id;
            changed.Add(question.Id);
        }
        var version = Save(bankDirectory, bank, byQuestion, changed);
        return new ExemplarImport(addedCount, replaced, version, [.. problems.OrderBy(p => p.Line)]);
    }

    /// <summary>Removes the exemplars with these ids; returns those removed and the bank's version after the change.</summary>
    /// <exception cref="RubricLoadException">The bank does not load, before or after the change.</exception>
    public static ExemplarRemoval Remove(string bankDirectory, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bank = BankLoader.LoadOrThrow(bankDirectory);
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var byQuestion = bank.Questions.ToDictionary(q => q.Id, q => q.Exemplars.ToList(), StringComparer.Ordinal);
        var removed = new List<string>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (questionId, list) in byQuestion)
        {
            foreach (var exemplar in list.Where(e => wanted.Contains(e.Id)).ToList())
            {
                list.Remove(exemplar);
                removed.Add(exemplar.Id);
                changed.Add(questionId);
            }
        }
        var version = Save(bankDirectory, bank, byQuestion, changed);
        return new ExemplarRemoval(removed, [.. wanted.Except(removed).Order(StringComparer.Ordinal)], version);
    }

    private static int Save(string bankDirectory, QuestionBank bank, Dictionary<string, List<Exemplar>> byQuestion, HashSet<string> changed)
    {
        if (changed.Count == 0)
        {
            return bank.Version;
        }
        var folder = Path.Combine(bankDirectory, ExemplarLoader.FolderName);
        Directory.CreateDirectory(folder);
        foreach (var questionId in changed)
        {
            var file = Path.Combine(folder, questionId + ExemplarLoader.Extension);
            var list = byQuestion[questionId];
            if (list.Count == 0)
            {
                File.Delete(file);
                continue;
            }
            File.WriteAllText(file, string.Concat(list.Select(e => Line(e) + "\n")));
        }
        BankVersion.Bump(bankDirectory, bank.Version);
        return BankLoader.LoadOrThrow(bankDirectory).Version;
    }

    /// <summary>One line of an exemplar file.</summary>
    public static string Line(Exemplar exemplar)
    {
        ArgumentNullException.ThrowIfNull(exemplar);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_writer))
        {
            json.WriteStartObject();
            json.WriteString("id", exemplar.Id);
            json.WriteString("answer", exemplar.Answer);
            json.WriteNumber("score", exemplar.Score);
            json.WriteNumber("max_score", exemplar.MaxScore);
            WriteOptional(json, "rater", exemplar.Rater);
            WriteOptional(json, "source", exemplar.Source);
            WriteOptional(json, "added", exemplar.Added);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string DerivedId(string questionId, string answer) =>
        "x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(questionId + "\n" + answer.Trim())))[..10];
}

/// <summary>What an import did.</summary>
/// <param name="Added">New exemplars.</param>
/// <param name="Replaced">Exemplars that had the same id and were replaced.</param>
/// <param name="Version">The bank's version after the import.</param>
/// <param name="Problems">Rows left out, with why.</param>
public sealed record ExemplarImport(int Added, int Replaced, int Version, IReadOnlyList<CalibrationProblem> Problems);

/// <summary>What a removal did.</summary>
/// <param name="Removed">The ids removed.</param>
/// <param name="Unknown">Ids asked for that the bank does not have.</param>
/// <param name="Version">The bank's version after the removal.</param>
public sealed record ExemplarRemoval(IReadOnlyList<string> Removed, IReadOnlyList<string> Unknown, int Version);
