using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Model;

/// <summary>One point a complete answer covers.</summary>
/// <param name="Id">Identifier, unique within the bank.</param>
/// <param name="Text">The point, stated as a reviewer would state it.</param>
/// <param name="Weight">Relative importance within the question; greater than zero.</param>
/// <param name="Concepts">The ideas that together make the point; each is matched by any of its phrases.</param>
/// <param name="FollowUp">A question that invites the candidate to cover this point without giving it away.</param>
public sealed record KeyPoint(
    string Id,
    string Text,
    double Weight,
    IReadOnlyList<Concept> Concepts,
    string FollowUp)
{
    /// <summary>Where the key point was defined; not part of the JSON shape.</summary>
    [JsonIgnore]
    public SourceLocation? Source { get; init; }
}
