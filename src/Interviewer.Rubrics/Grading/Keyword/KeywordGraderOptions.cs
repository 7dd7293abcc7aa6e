namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>How the keyword grader matches phrases and turns coverage into a score. The defaults suit both banks and drafted rubrics.</summary>
public sealed record KeywordGraderOptions
{
    /// <summary>Content words allowed between two consecutive words of a phrase. Default 2.</summary>
    public int MaxGap { get; init; } = 2;

    /// <summary>Words of any kind allowed between two consecutive words of a phrase. Default 6.</summary>
    public int MaxRawGap { get; init; } = 6;

    /// <summary>Shortest phrase word (folded) that tolerates one typo; shorter words must match exactly or by stem. Default 7.</summary>
    public int TypoMinLength { get; init; } = 7;

    /// <summary>
    /// Share of a key point's concepts at which it counts as covered and earns its full weight, since people give full
    /// credit for the idea before every word appears. Default 0.6 (e.g. two concepts of three).
    /// </summary>
    public double CoveredThreshold { get; init; } = 0.6;

    /// <summary>
    /// Below <see cref="CoveredThreshold"/>, a key point earns (coverage / threshold) raised to this power of its weight:
    /// below 1 the curve is concave, so the first concepts found count most. Default 0.7.
    /// </summary>
    public double CoverageExponent { get; init; } = 0.7;

    /// <summary>
    /// Credit for a multi-word phrase of which more than half of the content words appear, times the share found;
    /// 0 turns partial phrases off. Default 0.5.
    /// </summary>
    public double PartialPhraseCredit { get; init; } = 0.5;

    /// <summary>Highest score an answer flagged <c>keyword_stuffing</c> can get. Default 40.</summary>
    public double KeywordStuffingCap { get; init; } = 40;

    /// <summary>Answers with fewer words than this are flagged <c>too_short</c>. Default 5.</summary>
    public int TooShortWords { get; init; } = 5;

    /// <summary>The defaults.</summary>
    public static KeywordGraderOptions Default { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRawGap, MaxGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(TypoMinLength, 3);
        if (!(CoveredThreshold > 0 && CoveredThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CoveredThreshold), CoveredThreshold, "must be in (0, 1]");
        }
        if (!(CoverageExponent > 0 && CoverageExponent <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CoverageExponent), CoverageExponent, "must be in (0, 1]");
        }
        if (!(PartialPhraseCredit >= 0 && PartialPhraseCredit <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PartialPhraseCredit), PartialPhraseCredit, "must be in [0, 1]");
        }
        if (!(KeywordStuffingCap >= 0 && KeywordStuffingCap <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(KeywordStuffingCap), KeywordStuffingCap, "must be in [0, 100]");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(TooShortWords);
    }
}
