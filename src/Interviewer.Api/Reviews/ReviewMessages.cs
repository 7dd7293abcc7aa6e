namespace Interviewer.Api.Reviews;

/// <summary>The body of <c>PUT /api/sessions/{id}/turns/{turn}/review</c>.</summary>
/// <param name="Score">The reviewer's score, 0..<paramref name="MaxScore"/>.</param>
/// <param name="MaxScore">The top of the reviewer's scale; 100 when not given.</param>
/// <param name="KeyPoints">Optional verdicts per key point of the question: <c>[{ id, status: covered|partial|missing }]</c>.</param>
/// <param name="Note">An optional note (at most 4,000 characters).</param>
public sealed record ReviewRequest(double? Score, double? MaxScore, IReadOnlyList<KeyPointVerdict>? KeyPoints, string? Note);

/// <summary>A reviewer's verdict on one key point.</summary>
/// <param name="Id">The key point's id.</param>
/// <param name="Status"><c>covered</c>, <c>partial</c> or <c>missing</c>.</param>
public sealed record KeyPointVerdict(string Id, string Status);

/// <summary>A reviewer's score on a turn, as stored.</summary>
/// <param name="Turn">The turn reviewed.</param>
/// <param name="Reviewer">Who: the name of the reviewer key used (<c>name:key</c>), else <c>reviewer</c>.</param>
/// <param name="Score">Their score.</param>
/// <param name="MaxScore">Their scale's top.</param>
/// <param name="Percent">Their score on the grader's 0–100 scale, to set beside the grader's.</param>
/// <param name="KeyPoints">Their key-point verdicts, when given.</param>
/// <param name="Note">Their note, when given.</param>
/// <param name="ReviewedAt">When they last saved it.</param>
public sealed record TurnReview(int Turn, string Reviewer, double Score, double MaxScore, double Percent, IReadOnlyList<KeyPointVerdict>? KeyPoints, string? Note, DateTimeOffset ReviewedAt);

/// <summary>An answered turn in the review queue.</summary>
/// <param name="Reasons">Why it is near the top: <c>disagreement</c> (the dual grader's two grades disagree), <c>degraded</c>, <c>flagged</c>.</param>
/// <param name="Reviews">How many reviewers have scored it.</param>
public sealed record ReviewQueueItem(
    string SessionId,
    int Turn,
    string AnswerId,
    string BankId,
    int BankVersion,
    string QuestionId,
    string Question,
    string Answer,
    string? CandidateName,
    string? Grader,
    double? Score,
    bool Degraded,
    bool Disagreement,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Reasons,
    int Reviews,
    DateTimeOffset AnsweredAt);
