using System.Text.RegularExpressions;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Text;

namespace Interviewer.Llm;

/// <summary>
/// Whether a quote says something about a key point beyond naming the rubric's terms, as a <c>covered</c> claim needs:
/// the keyword grader, reading the quote alone, finds the key point covered; or the sentences of the quote that name the key
/// point have at least <see cref="MinOwnWords"/> content words of their own, outside every rubric phrase they match.
/// "Hablo de la deriva del modelo, de monitorización y de reentrenar." names three key points and says nothing about any:
/// partial at most, whatever else the quote holds in other sentences.
/// </summary>
internal static partial class EvidenceStrength
{
    /// <summary>Content words outside the rubric's phrases that a quote needs when its rubric terms alone do not cover the key point.</summary>
    public const int MinOwnWords = 3;

    /// <param name="quote">The quoted passages, as graded alone.</param>
    /// <param name="alone">The keyword grade of <paramref name="quote"/> alone.</param>
    /// <param name="keyPointId">The key point claimed covered.</param>
    public static bool SaysMoreThanTerms(string quote, GradeResult alone, string keyPointId) =>
        alone.KeyPoints.FirstOrDefault(k => k.Id == keyPointId) is { Status: KeyPointStatus.Covered } ||
        OwnWords(quote, alone, keyPointId) >= MinOwnWords;

    /// <summary>
    /// The content words (not stop words) of the quote's sentences that hold evidence for <paramref name="keyPointId"/>, outside
    /// every evidence span of <paramref name="alone"/>.
    /// </summary>
    internal static int OwnWords(string quote, GradeResult alone, string keyPointId)
    {
        var spans = alone.KeyPoints.SelectMany(k => k.Evidence).ToList();
        var own = alone.KeyPoints.FirstOrDefault(k => k.Id == keyPointId)?.Evidence ?? [];
        var count = 0;
        foreach (Match sentence in Sentence().Matches(quote))
        {
            if (!own.Any(e => Overlaps(e, sentence.Index, sentence.Length)))
            {
                continue;
            }
            foreach (Match word in Word().Matches(sentence.Value))
            {
                var at = sentence.Index + word.Index;
                if (!spans.Any(s => Overlaps(s, at, word.Length)) && !StopWords.Contains(TextFolding.Fold(word.Value)))
                {
                    count++;
                }
            }
        }
        return count;
    }

    private static bool Overlaps(EvidenceSpan span, int start, int length) => start < span.Start + span.Length && span.Start < start + length;

    [GeneratedRegex(@"[^.!?;\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
