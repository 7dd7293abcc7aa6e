using System.Text.Json;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Llm;

/// <summary>What the model claims about an answer, before the code checks it.</summary>
/// <param name="KeyPoints">One claim per key point of the question, in the order the model gave them.</param>
/// <param name="FollowUp">The model's follow-up question; empty when it has none.</param>
/// <param name="Feedback">The model's feedback to the candidate.</param>
internal sealed record LlmVerdict(IReadOnlyList<LlmKeyPointClaim> KeyPoints, string FollowUp, string Feedback);

/// <summary>The model's claim about one key point.</summary>
/// <param name="Id">The key point's id.</param>
/// <param name="Status">Covered, partial or missing.</param>
/// <param name="Quote">The passage of the answer the claim rests on; empty for missing.</param>
internal sealed record LlmKeyPointClaim(string Id, KeyPointStatus Status, string Quote);

/// <summary>A parsed verdict, or why the reply is not one.</summary>
internal sealed record VerdictParseResult(LlmVerdict? Verdict, IReadOnlyList<string> Problems)
{
    public bool IsValid => Verdict is not null;
}

/// <summary>
/// Reads the model's reply into a <see cref="LlmVerdict"/>. A reply that is not JSON, not in the verdict's shape, or whose
/// key point ids are unknown, repeated or missing, is invalid: an ordinary outcome, never an exception.
/// </summary>
internal static class VerdictParser
{
    private const int MaxProblems = 10;

    public static VerdictParseResult Parse(string? reply, Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(reply))
        {
            return Invalid("the reply is empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ExtractJson(reply), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Invalid($"the reply is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("the reply is not a JSON object");
            }
            if (!TryGetProperty(root, out var keyPoints, "key_points", "keyPoints") || keyPoints.ValueKind != JsonValueKind.Array)
            {
                return Invalid("\"key_points\" is missing or not an array");
            }

            var problems = new List<string>();
            var claims = new List<LlmKeyPointClaim>();
            var known = question.KeyPoints.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in keyPoints.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"key_points[{index - 1}] is not an object");
                    continue;
                }
                var id = TryGetProperty(item, out var idElement, "id") && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()!.Trim() : null;
                if (string.IsNullOrEmpty(id))
                {
                    problems.Add($"key_points[{index - 1}] has no \"id\"");
                    continue;
                }
                if (!known.Contains(id))
                {
                    problems.Add($"unknown key point id '{Clip(id)}'");
                    continue;
                }
                if (!seen.Add(id))
                {
                    problems.Add($"key point id '{id}' appears more than once");
                    continue;
                }
                var statusText = TryGetProperty(item, out var statusElement, "status") && statusElement.ValueKind == JsonValueKind.String ? statusElement.GetString()!.Trim() : null;
                if (ParseStatus(statusText) is not { } status)
                {
                    problems.Add($"key point '{id}' has status '{Clip(statusText ?? "null")}', expected covered, partial or missing");
                    continue;
                }
                var quote = TryGetProperty(item, out var quoteElement, "quote") && quoteElement.ValueKind == JsonValueKind.String ? quoteElement.GetString()! : string.Empty;
                claims.Add(new LlmKeyPointClaim(id, status, quote));
            }
            foreach (var keyPoint in question.KeyPoints)
            {
                if (!seen.Contains(keyPoint.Id))
                {
                    problems.Add($"key point '{keyPoint.Id}' is missing");
                }
            }
            if (problems.Count > 0)
            {
                return new VerdictParseResult(null, problems.Take(MaxProblems).ToList());
            }

            return new VerdictParseResult(new LlmVerdict(claims, Text(root, "follow_up", "followUp"), Text(root, "feedback")), []);
        }
    }

    /// <summary>The JSON inside a reply: without a Markdown code fence, from the first <c>{</c> to the last <c>}</c>.</summary>
    internal static string ExtractJson(string reply)
    {
        var text = reply.Trim();
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : text;
    }

    private static KeyPointStatus? ParseStatus(string? text) => text?.ToUpperInvariant() switch
    {
        "COVERED" => KeyPointStatus.Covered,
        "PARTIAL" => KeyPointStatus.Partial,
        "MISSING" => KeyPointStatus.Missing,
        _ => null,
    };

    private static bool TryGetProperty(JsonElement element, out JsonElement value, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string Text(JsonElement root, params string[] names) =>
        TryGetProperty(root, out var value, names) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : string.Empty;

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static VerdictParseResult Invalid(string problem) => new(null, [problem]);
}
