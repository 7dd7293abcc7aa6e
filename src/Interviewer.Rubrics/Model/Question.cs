using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Model;

/// <summary>One interview question with the rubric its answers are graded against.</summary>
/// <param name="Id">Stable identifier, also the file name (<c>questions/&lt;id&gt;.yaml</c>).</param>
/// <param name="Category">The id of the category the question belongs to.</param>
/// <param name="Text">The question exactly as asked.</param>
/// <param name="Evaluates">What the question assesses.</param>
/// <param name="ModelAnswer">A reference answer that covers every key point.</param>
/// <param name="KeyPoints">The points a complete answer covers, each weighted.</param>
public sealed record Question(
    string Id,
    string Category,
    string Text,
    string Evaluates,
    string ModelAnswer,
    IReadOnlyList<KeyPoint> KeyPoints)
{
    /// <summary>Where the question was defined; not part of the JSON shape.</summary>
    [JsonIgnore]
    public SourceLocation? Source { get; init; }

    /// <summary>The sum of the key points' weights.</summary>
    [JsonIgnore]
    public double TotalWeight => KeyPoints.Sum(k => k.Weight);

    /// <summary>Answers the team scored for this question, anchors for grading (empty when none); not part of the JSON shape.</summary>
    [JsonIgnore]
    public IReadOnlyList<Exemplar> Exemplars { get; init; } = [];
}
