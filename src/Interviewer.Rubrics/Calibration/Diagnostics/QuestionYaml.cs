using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Diagnostics;

/// <summary>Writes a question as a rubric file (<c>questions/&lt;id&gt;.yaml</c>), for rubrics drafted during a calibration.</summary>
public static class QuestionYaml
{
    /// <summary>The file's text, in the layout of the shipped bank.</summary>
    public static string Write(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var yaml = new StringBuilder();
        yaml.Append("id: ").AppendLine(Scalar(question.Id));
        yaml.Append("category: ").AppendLine(Scalar(question.Category));
        yaml.Append("question: ").AppendLine(Scalar(question.Text));
        yaml.Append("evaluates: ").AppendLine(Scalar(question.Evaluates));
        yaml.Append("model_answer: ").AppendLine(Scalar(question.ModelAnswer));
        yaml.AppendLine("key_points:");
        foreach (var keyPoint in question.KeyPoints)
        {
            yaml.Append("  - id: ").AppendLine(Scalar(keyPoint.Id));
            yaml.Append("    text: ").AppendLine(Scalar(keyPoint.Text));
            yaml.Append("    weight: ").AppendLine(keyPoint.Weight.ToString(CultureInfo.InvariantCulture));
            yaml.AppendLine("    concepts:");
            foreach (var concept in keyPoint.Concepts)
            {
                yaml.Append("      - [").Append(string.Join(", ", concept.Phrases.Select(RubricEdits.Quote))).AppendLine("]");
            }
            yaml.Append("    follow_up: ").AppendLine(Scalar(keyPoint.FollowUp));
        }
        return yaml.ToString();
    }

    private static string Scalar(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
