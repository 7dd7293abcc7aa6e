using Interviewer.Api.Interviews;

namespace Interviewer.Api.Candidates;

/// <summary>What <c>GET /api/candidates/{id}/progress</c> returns: the candidate's interviews, newest first, and their weak areas.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="Interviews">Their practice interviews, newest first (at most <see cref="CandidateProgress.MaxInterviews"/>).</param>
/// <param name="WeakAreas">Questions, key points and categories to work on.</param>
/// <param name="Practice">What "practise my weak areas" starts; null when there is nothing to practise.</param>
public sealed record ProgressReport(string CandidateId, IReadOnlyList<PastInterview> Interviews, WeakAreas WeakAreas, PracticePlan? Practice);

/// <summary>One past interview as its candidate sees it.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Status"><c>active</c>, <c>completed</c> or <c>ended</c>.</param>
/// <param name="Bank">The bank asked from.</param>
/// <param name="OverallScore">The summary's overall score (skipped and not reached count 0).</param>
/// <param name="Answered">Planned questions answered.</param>
/// <param name="Total">Planned questions.</param>
/// <param name="Questions">Each planned question's last score and status.</param>
/// <param name="Categories">Each category's score: the mean of its planned questions, like the overall.</param>
public sealed record PastInterview(
    string SessionId,
    DateTimeOffset StartedAt,
    string Status,
    BankInfo Bank,
    double? OverallScore,
    int Answered,
    int Total,
    IReadOnlyList<PastQuestion> Questions,
    IReadOnlyList<CategoryScore> Categories);

/// <summary>A planned question's result in a past interview.</summary>
public sealed record PastQuestion(string QuestionId, string Text, string Category, int Index, double? Score, string Status);

/// <summary>A category's score: the mean score of its questions (<paramref name="Questions"/> of them).</summary>
public sealed record CategoryScore(string BankId, string Id, string Title, double Score, int Questions);

/// <summary>Where the candidate loses most points.</summary>
/// <param name="Questions">Questions asked whose last score is under 80, lowest first.</param>
/// <param name="KeyPoints">Key points most often not covered, over the answers whose key points the candidate was shown.</param>
/// <param name="Categories">Categories scoring under 80 over every interview, lowest first.</param>
public sealed record WeakAreas(IReadOnlyList<WeakQuestion> Questions, IReadOnlyList<WeakKeyPoint> KeyPoints, IReadOnlyList<CategoryScore> Categories);

/// <summary>A question to practise: its last score, and how many interviews asked it.</summary>
public sealed record WeakQuestion(string BankId, string QuestionId, string Text, string Category, double LastScore, int Asked);

/// <summary>A key point missed <paramref name="Missed"/> (missing or partial) of the <paramref name="Seen"/> times it was graded.</summary>
public sealed record WeakKeyPoint(string BankId, string QuestionId, string Question, string Category, string KeyPointId, string Text, double Weight, int Missed, int Seen);

/// <summary>A practice interview on the weakest questions of one bank: <c>StartInterview({ bankId, questionIds })</c>.</summary>
public sealed record PracticePlan(string BankId, IReadOnlyList<string> QuestionIds);
