using System.Text.Json.Serialization;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading;

/// <summary>
/// The grade of one answer: the same JSON shape in the hub, the HTTP API and the CLI.
/// </summary>
/// <param name="QuestionId">The question graded.</param>
/// <param name="Score">0–100, computed in code: <see cref="Scoring.QuestionScore(Model.Question, IEnumerable{GradeResult})"/> over this answer alone.</param>
/// <param name="Grader">The grader that produced the grade (<c>keyword</c>, <c>llm</c>, <c>dual</c>).</param>
/// <param name="Degraded">True when the requested grader could not answer and a fallback graded instead.</param>
/// <param name="Bank">Bank id and version of the rubric used.</param>
/// <param name="KeyPoints">One entry per key point of the question, in rubric order.</param>
/// <param name="FollowUp">A question aimed at the most important key point not covered; null when all are covered.</param>
/// <param name="Feedback">Short feedback in the bank's language.</param>
/// <param name="Flags">Conditions worth a reviewer's attention; see <see cref="GradeFlags"/>.</param>
public sealed record GradeResult(
    string QuestionId,
    double Score,
    string Grader,
    bool Degraded,
    BankRef Bank,
    IReadOnlyList<KeyPointGrade> KeyPoints,
    string? FollowUp,
    string Feedback,
    IReadOnlyList<string> Flags)
{
    /// <summary>Why the grade is degraded (e.g. <c>circuit_open</c>, <c>timeout</c>); null when it is not.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DegradedReason { get; init; }

    /// <summary>The model or deployment that graded (LLM grades only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Model { get; init; }

    /// <summary>Hash of the prompt template that graded (LLM grades only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PromptHash { get; init; }

    /// <summary>In dual mode: the keyword grade beside the LLM grade.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GradeResult? KeywordGrade { get; init; }

    /// <summary>In dual mode: true when the two grades differ by more than the margin or on any key point's status.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Disagreement { get; init; }

    /// <summary>
    /// The team's scored answers (exemplars) the grade anchored on, most similar first (at most 3); null when the question
    /// has none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GradeAnchor>? Anchors { get; init; }

    /// <summary>How the key-point score was moved onto the hiring team's scale (keyword grades of questions with exemplars); null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GradeAnchoring? Anchoring { get; init; }

    /// <summary>How long grading took, in milliseconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LatencyMs { get; init; }
}

/// <summary>How one key point fared in an answer.</summary>
/// <param name="Id">The key point's id.</param>
/// <param name="Text">The key point's text.</param>
/// <param name="Status">Covered, partial or missing.</param>
/// <param name="Coverage">Share of the key point found, 0–1.</param>
/// <param name="Evidence">Where in the answer the key point was found.</param>
public sealed record KeyPointGrade(
    string Id,
    string Text,
    KeyPointStatus Status,
    double Coverage,
    IReadOnlyList<EvidenceSpan> Evidence)
{
    private readonly double? _credit;

    /// <summary>
    /// The share of the key point's weight the answer earned, 0–1: the grader's finer share where it states one (the
    /// keyword grader's rises with coverage), else <see cref="Scoring.Credit"/> of the status (so grades stored before
    /// credits were recorded score as they did).
    /// </summary>
    public double Credit
    {
        get => _credit ?? Scoring.Credit(Status);
        init => _credit = value;
    }
}

/// <summary>
/// How a grade's key-point score was moved onto the hiring team's scale with its exemplars:
/// <c>(1 − Weight) × clamp(keyPointScore + Shift, 0, 100) + Weight × Closest</c>.
/// </summary>
/// <param name="Shift">How far the team's scores sit from the rubric's on the question's exemplars, in points of 100 (positive: the team is more lenient).</param>
/// <param name="Weight">The share the closest scored answers get, 0–1: more when they are more and closer, and when the team's own answers showed them to predict its scores.</param>
/// <param name="Closest">The closest scored answers' scores, weighted by similarity, on 0–100; 0 when none shares a word.</param>
public sealed record GradeAnchoring(double Shift, double Weight, double Closest)
{
    /// <summary>The anchored 0–100 score (unrounded) of a key-point score.</summary>
    public double Apply(double keyPointScore) => ((1 - Weight) * Math.Clamp(keyPointScore + Shift, 0, 100)) + (Weight * Closest);
}

/// <summary>A scored answer of the team that a grade anchored on: one of the closest scored answers.</summary>
/// <param name="ExemplarId">The exemplar's id in the bank.</param>
/// <param name="Score">The team's score of it, on its own scale.</param>
/// <param name="MaxScore">The top of that scale.</param>
/// <param name="Similarity">How close its words are to the answer's, 0–1.</param>
public sealed record GradeAnchor(string ExemplarId, double Score, double MaxScore, double Similarity);

/// <summary>A span of the answer that supports a key point.</summary>
/// <param name="Start">UTF-16 offset into the answer as received (as JavaScript's <c>substring</c> reads it).</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Text">The answer's text at that span.</param>
public sealed record EvidenceSpan(int Start, int Length, string Text);

/// <summary>Whether a key point is covered by an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyPointStatus>))]
public enum KeyPointStatus
{
    /// <summary>Not found in the answer.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>Part of the key point is in the answer.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>The key point is in the answer.</summary>
    [JsonStringEnumMemberName("covered")]
    Covered,
}

/// <summary>The flags a grade can carry.</summary>
public static class GradeFlags
{
    /// <summary>The answer is empty or white space only.</summary>
    public const string Empty = "empty";

    /// <summary>The answer is too short to show understanding.</summary>
    public const string TooShort = "too_short";

    /// <summary>The answer is a list of rubric terms rather than sentences.</summary>
    public const string KeywordStuffing = "keyword_stuffing";

    /// <summary>The LLM claimed evidence that is not in the answer; those claims were downgraded.</summary>
    public const string UnverifiedEvidence = "unverified_evidence";

    /// <summary>The answer addresses the grader (orders, score demands, role-play, fake delimiters or verdicts); those passages earned nothing.</summary>
    public const string PromptInjection = "prompt_injection";

    /// <summary>The LLM quoted a passage that is in the answer but holds none of the key point's concepts; the claim was downgraded to missing.</summary>
    public const string UnsupportedEvidence = "unsupported_evidence";
}
