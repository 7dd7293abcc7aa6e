using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Calibration;

/// <summary>
/// A rubric edit: add a phrase to a key point's concept (<c>addPhrase</c>) or change a key point's weight (<c>setWeight</c>).
/// Applied in a what-if to a copy of the rubric, and written as a plain YAML edit that bumps the bank version.
/// </summary>
/// <param name="Id">Stable within a report (e.g. <c>s3</c>), so a reviewer can pick suggestions.</param>
/// <param name="Kind"><c>addPhrase</c> or <c>setWeight</c>.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="KeyPointId">The key point.</param>
/// <param name="ConceptIndex">For addPhrase: the concept (0-based, rubric order) the phrase joins.</param>
/// <param name="Phrase">For addPhrase: the phrase.</param>
/// <param name="Weight">For setWeight: the new weight.</param>
/// <param name="Why">Why it is suggested.</param>
/// <param name="ExampleAnswerIds">Answers that motivate it.</param>
public sealed record RubricSuggestion(
    string Id,
    string Kind,
    string QuestionId,
    string KeyPointId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ConceptIndex = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phrase = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Weight = null,
    string Why = "",
    IReadOnlyList<string>? ExampleAnswerIds = null)
{
    /// <summary>The kind that adds a phrase to a concept.</summary>
    public const string AddPhrase = "addPhrase";

    /// <summary>The kind that changes a key point's weight.</summary>
    public const string SetWeight = "setWeight";
}
