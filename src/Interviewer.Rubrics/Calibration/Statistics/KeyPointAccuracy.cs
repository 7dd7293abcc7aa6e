namespace Interviewer.Rubrics.Calibration.Statistics;

/// <summary>How well the grader finds one key point, against the key points humans marked as covered.</summary>
/// <param name="KeyPointId">The key point.</param>
/// <param name="TruePositives">Marked by humans and matched by the grader.</param>
/// <param name="FalsePositives">Matched by the grader, not marked by humans.</param>
/// <param name="FalseNegatives">Marked by humans, missed by the grader.</param>
/// <param name="Precision">TP / (TP + FP); undefined when the grader never matched it.</param>
/// <param name="Recall">TP / (TP + FN); undefined when humans never marked it.</param>
public sealed record KeyPointAccuracy(string KeyPointId, int TruePositives, int FalsePositives, int FalseNegatives, Estimate Precision, Estimate Recall)
{
    /// <summary>Counts agreement for one key point over answers where humans marked key points.</summary>
    /// <param name="keyPointId">The key point.</param>
    /// <param name="outcomes">Per answer: whether humans marked it covered, and whether the grader matched it (covered or partial).</param>
    public static KeyPointAccuracy Compute(string keyPointId, IEnumerable<(bool Human, bool Grader)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int tp = 0, fp = 0, fn = 0;
        foreach (var (human, grader) in outcomes)
        {
            tp += human && grader ? 1 : 0;
            fp += !human && grader ? 1 : 0;
            fn += human && !grader ? 1 : 0;
        }
        var precision = tp + fp == 0 ? Estimate.Undefined("the grader never matched this key point") : Estimate.Of((double)tp / (tp + fp));
        var recall = tp + fn == 0 ? Estimate.Undefined("humans never marked this key point") : Estimate.Of((double)tp / (tp + fn));
        return new KeyPointAccuracy(keyPointId, tp, fp, fn, precision, recall);
    }
}
