using System.Text.Json;
using Interviewer.Rubrics.Model;

namespace Interviewer.Llm.Refining;

/// <summary>
/// Reads the model's proposal for a question's key points. Anything off the shape or the limits is a problem and the whole
/// proposal is refused: the code, not the model, names the key points (<c>QUESTION-1</c>, <c>QUESTION-2</c> …).
/// </summary>
internal static class RubricProposal
{
    internal const int MaxKeyPoints = 12;
    internal const int MaxConcepts = 8;
    internal const int MaxPhrases = 12;
    internal const int MaxTextLength = 300;
    internal const int MaxPhraseLength = 80;

    /// <summary>The proposed key points, or the problems that make the reply unusable.</summary>
    public static (IReadOnlyList<KeyPoint>? KeyPoints, IReadOnlyList<string> Problems) Parse(string? reply, Question question)
    {
        var problems = new List<string>();
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(Unfenced(reply ?? string.Empty), new JsonDocumentOptions { MaxDepth = 8 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, [$"the reply is not JSON ({e.Message})"]);
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("key_points", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return (null, ["the reply has no \"key_points\" array"]);
        }
        if (items.GetArrayLength() is 0 or > MaxKeyPoints)
        {
            return (null, [$"{items.GetArrayLength()} key points proposed (1 to {MaxKeyPoints} expected)"]);
        }
        var keyPoints = new List<KeyPoint>();
        foreach (var item in items.EnumerateArray())
        {
            var n = keyPoints.Count + 1;
            var text = Text(item, "text", MaxTextLength, n, problems);
            var followUp = Text(item, "follow_up", MaxTextLength, n, problems);
            var weight = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("weight", out var w) && w.TryGetDouble(out var value) ? value : 0;
            if (weight is not (1 or 2 or 3))
            {
                problems.Add($"key point {n}: \"weight\" must be 1, 2 or 3");
            }
            var concepts = Concepts(item, n, problems);
            keyPoints.Add(new KeyPoint($"{question.Id}-{n}", text ?? string.Empty, weight, concepts, followUp ?? string.Empty));
        }
        return problems.Count == 0 ? (keyPoints, problems) : (null, problems);
    }

    private static string? Text(JsonElement item, string name, int maxLength, int n, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || value.GetString() is not { } text || string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"key point {n}: \"{name}\" is missing or not text");
            return null;
        }
        if (text.Length > maxLength || text.Any(char.IsControl))
        {
            problems.Add($"key point {n}: \"{name}\" is longer than {maxLength} characters or holds control characters");
            return null;
        }
        return text.Trim();
    }

    private static List<Concept> Concepts(JsonElement item, int n, List<string> problems)
    {
        var concepts = new List<Concept>();
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("concepts", out var list) || list.ValueKind != JsonValueKind.Array
            || list.GetArrayLength() is 0 or > MaxConcepts)
        {
            problems.Add($"key point {n}: \"concepts\" must be a list of 1 to {MaxConcepts} phrase lists");
            return concepts;
        }
        foreach (var concept in list.EnumerateArray())
        {
            var phrases = concept.ValueKind == JsonValueKind.Array
                ? concept.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()?.Trim() : null).ToList()
                : [];
            if (phrases.Count is 0 or > MaxPhrases || phrases.Any(p => string.IsNullOrEmpty(p) || p.Length > MaxPhraseLength || p.Any(char.IsControl)))
            {
                problems.Add($"key point {n}: each concept must be 1 to {MaxPhrases} phrases of at most {MaxPhraseLength} characters");
                return concepts;
            }
            concepts.Add(new Concept(phrases.Distinct(StringComparer.OrdinalIgnoreCase).ToList()!));
        }
        return concepts;
    }

    // Some models wrap JSON in a Markdown fence even when asked not to.
    private static string Unfenced(string reply)
    {
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }
        var start = text.IndexOf('\n', StringComparison.Ordinal);
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? text[(start + 1)..end] : text;
    }
}
