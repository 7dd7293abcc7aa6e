using System.Globalization;
using System.Text;
using System.Text.Json;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Drafting;

/// <summary>Writes questions as rubric files in the bank format <see cref="BankLoader"/> reads: <c>bank.yaml</c> plus <c>questions/&lt;id&gt;.yaml</c>.</summary>
public static class RubricWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a bank into <paramref name="directory"/> (created if needed); the bank's id is the folder's name.</summary>
    /// <param name="directory">The bank's folder.</param>
    /// <param name="title">The bank's title.</param>
    /// <param name="language">ISO 639-1 language of the bank.</param>
    /// <param name="questions">The questions, with unique ids; their categories become the bank's.</param>
    /// <returns>The files written, bank file first.</returns>
    public static IReadOnlyList<string> WriteBank(string directory, string title, string language, IReadOnlyList<Question> questions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(questions);
        var full = Path.GetFullPath(directory);
        var questionsFolder = Path.Combine(full, BankLoader.QuestionsFolderName);
        Directory.CreateDirectory(questionsFolder);
        var bankId = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var categories = questions.Select(q => q.Category).Distinct(StringComparer.Ordinal).ToList();
        var written = new List<string>();
        var bankFile = Path.Combine(full, BankLoader.BankFileName);
        File.WriteAllText(bankFile, BankYaml(bankId, title, language, categories), Utf8);
        written.Add(bankFile);
        var order = 1;
        foreach (var question in questions)
        {
            var file = Path.Combine(questionsFolder, question.Id + ".yaml");
            File.WriteAllText(file, QuestionYaml(question, order++), Utf8);
            written.Add(file);
        }
        return written;
    }

    /// <summary>The <c>bank.yaml</c> text for a bank with these categories (each titled by its id).</summary>
    public static string BankYaml(string id, string title, string language, IEnumerable<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var yaml = new StringBuilder();
        yaml.Append("id: ").AppendLine(Quote(id));
        yaml.Append("title: ").AppendLine(Quote(title));
        yaml.Append("language: ").AppendLine(Quote(language));
        yaml.AppendLine("version: 1");
        yaml.AppendLine("categories:");
        foreach (var category in categories)
        {
            yaml.Append("  - { id: ").Append(Quote(category)).Append(", title: ").Append(Quote(category)).AppendLine(" }");
        }
        return yaml.ToString();
    }

    /// <summary>The YAML text of one question file; <paramref name="order"/> keeps the questions in input order.</summary>
    public static string QuestionYaml(Question question, int? order = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var yaml = new StringBuilder();
        yaml.Append("id: ").AppendLine(Quote(question.Id));
        yaml.Append("category: ").AppendLine(Quote(question.Category));
        if (order is { } o)
        {
            yaml.Append("order: ").AppendLine(o.ToString(CultureInfo.InvariantCulture));
        }
        yaml.Append("question: ").AppendLine(Quote(question.Text));
        yaml.Append("evaluates: ").AppendLine(Quote(question.Evaluates));
        yaml.Append("model_answer: ").AppendLine(Quote(question.ModelAnswer));
        yaml.AppendLine("key_points:");
        foreach (var keyPoint in question.KeyPoints)
        {
            yaml.Append("  - id: ").AppendLine(Quote(keyPoint.Id));
            yaml.Append("    text: ").AppendLine(Quote(keyPoint.Text));
            yaml.Append("    weight: ").AppendLine(keyPoint.Weight.ToString("0.###", CultureInfo.InvariantCulture));
            yaml.AppendLine("    concepts:");
            foreach (var concept in keyPoint.Concepts)
            {
                yaml.Append("      - [").AppendJoin(", ", concept.Phrases.Select(Quote)).AppendLine("]");
            }
            yaml.Append("    follow_up: ").AppendLine(Quote(keyPoint.FollowUp));
        }
        return yaml.ToString();
    }

    /// <summary>A YAML double-quoted scalar (JSON string syntax, which YAML reads as is), non-ASCII text kept readable.</summary>
    private static string Quote(string text) => JsonSerializer.Serialize(text, InterviewerJson.Options);
}
