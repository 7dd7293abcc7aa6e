using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Model;

/// <summary>
/// An answer a hiring team scored, kept with the bank as an anchor for grading its question
/// (<c>exemplars/&lt;question-id&gt;.jsonl</c>). Its text is candidate text: data, never instructions.
/// </summary>
/// <param name="Id">Identifier, unique within the bank.</param>
/// <param name="Answer">The answer as written.</param>
/// <param name="Score">The team's score, 0..<paramref name="MaxScore"/>.</param>
/// <param name="MaxScore">The top of the team's scale.</param>
public sealed record Exemplar(string Id, string Answer, double Score, double MaxScore)
{
    /// <summary>Who scored it, when known.</summary>
    public string? Rater { get; init; }

    /// <summary>Where it came from (e.g. <c>review</c>, <c>calibration</c>), when known.</summary>
    public string? Source { get; init; }

    /// <summary>The day it was added (ISO 8601), when known.</summary>
    public string? Added { get; init; }

    /// <summary>Where the exemplar was read; not part of the JSON shape.</summary>
    [JsonIgnore]
    public SourceLocation? Location { get; init; }

    /// <summary>The score on a 0–1 scale.</summary>
    [JsonIgnore]
    public double Normalized => MaxScore > 0 ? Math.Clamp(Score / MaxScore, 0, 1) : 0;
}
