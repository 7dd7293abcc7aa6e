using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Model;

/// <summary>One idea of a key point: any of its phrases (Spanish or English, synonyms) counts for it.</summary>
/// <param name="Phrases">Alternative wordings, matched after normalisation.</param>
public sealed record Concept(IReadOnlyList<string> Phrases)
{
    /// <summary>Where the concept was defined; not part of the JSON shape.</summary>
    [JsonIgnore]
    public SourceLocation? Source { get; init; }
}
