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
    /// <param name="questions">The questions, with unique ids; their categories become the bank's, each titled by its id.</param>
    /// <returns>The files written, bank file first.</returns>
    public static IReadOnlyList<string> WriteBank(string directory, string title, string language, IReadOnlyList<Question> questions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(questions);
        var bankId = Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var categories = questions.Select(q => q.Category).Distinct(StringComparer.Ordinal).Select(c => new Category(c, c)).ToList();
        return WriteBank(directory, new QuestionBank(bankId, title, language, 1, categories, questions));
    }

    /// <summary>Writes <paramref name="bank"/> into <paramref name="directory"/> (created if needed), as <see cref="Render"/> gives it.</summary>
    /// <returns>The files written, bank file first.</returns>
    public static IReadOnlyList<string> WriteBank(string directory, QuestionBank bank)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(Path.Combine(full, BankLoader.QuestionsFolderName));
        var written = new List<string>();
        foreach (var file in Render(bank))
        {
            var path = Path.Combine(full, file.Path);
            File.WriteAllText(path, file.Text, Utf8);
            written.Add(path);
        }
        return written;
    }

    /// <summary>
    /// The files of <paramref name="bank"/>: <c>bank.yaml</c> (its id, title, language, version and titled categories) first, then
    /// <c>questions/&lt;id&gt;.yaml</c> per question, numbered in the bank's order. Paths are relative and use '/'.
    /// </summary>
    public static IReadOnlyList<RubricFile> Render(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var files = new List<RubricFile> { new(BankLoader.BankFileName, BankYaml(bank)) };
        var order = 1;
        foreach (var question in bank.Questions)
        {
            files.Add(new RubricFile($"{BankLoader.QuestionsFolderName}/{question.Id}.yaml", QuestionYaml(question, order++)));
        }
        return files;
    }

    /// <summary>The <c>bank.yaml</c> text of <paramref name="bank"/> (its questions are not part of it).</summary>
    public static string BankYaml(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var yaml = new StringBuilder();
        yaml.Append("id: ").AppendLine(Quote(bank.Id));
        yaml.Append("title: ").AppendLine(Quote(bank.Title));
        yaml.Append("language: ").AppendLine(Quote(bank.Language));
        yaml.Append("version: ").AppendLine(bank.Version.ToString(CultureInfo.InvariantCulture));
        yaml.AppendLine("categories:");
        foreach (var category in bank.Categories)
        {
            yaml.Append("  - { id: ").Append(Quote(category.Id)).Append(", title: ").Append(Quote(category.Title));
            yaml.AppendLine(category.InDefaultPlan ? " }" : ", in_default_plan: false }");
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

/// <summary>One file of a bank: its path relative to the bank's folder ('/' separated) and its text.</summary>
public sealed record RubricFile(string Path, string Text);
