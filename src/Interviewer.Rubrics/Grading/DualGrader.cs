using Interviewer.Rubrics.Grading.Keyword;

namespace Interviewer.Rubrics.Grading;

/// <summary>
/// Runs the LLM and keyword graders on the same answer: the LLM grade, with the keyword grade beside it and a disagreement flag
/// when the scores differ by more than the margin or any key point's status differs — the answers a hiring team reviews by hand.
/// </summary>
public sealed class DualGrader : IAnswerGrader
{
    private readonly KeywordGrader _keyword;
    private readonly IAnswerGrader _llm;
    private readonly double _margin;
    private readonly TimeProvider _time;

    /// <summary>Creates the grader.</summary>
    /// <param name="keyword">The keyword grader, run beside the LLM.</param>
    /// <param name="llm">The LLM grader whose grade is returned.</param>
    /// <param name="margin">Score difference (0–100 points) above which the two grades disagree.</param>
    /// <param name="time">Measures the latency recorded in the grade.</param>
    public DualGrader(KeywordGrader keyword, IAnswerGrader llm, double margin, TimeProvider time)
    {
        _keyword = keyword;
        _llm = llm;
        _margin = margin;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => GraderNames.Dual;

    /// <inheritdoc />
    public async ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var keyword = _keyword.Grade(request);
        var llm = await _llm.GradeAsync(request, ct).ConfigureAwait(false);
        return llm with
        {
            Grader = Name,
            KeywordGrade = keyword,
            Disagreement = Disagree(llm, keyword, _margin),
            LatencyMs = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1),
        };
    }

    /// <summary>True when the scores differ by more than <paramref name="margin"/> points or any key point's status differs.</summary>
    internal static bool Disagree(GradeResult a, GradeResult b, double margin) =>
        Math.Abs(a.Score - b.Score) > margin ||
        a.KeyPoints.Any(k => b.KeyPoints.FirstOrDefault(o => o.Id == k.Id)?.Status != k.Status);
}
