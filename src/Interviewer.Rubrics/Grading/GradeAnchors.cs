using System.Globalization;

namespace Interviewer.Rubrics.Grading;

/// <summary>How reports write a grade's anchors ("closest scored answers").</summary>
public static class GradeAnchors
{
    /// <summary>The title reports give the anchors.</summary>
    public const string Title = "Closest scored answers";

    /// <summary>One line: <c>e1 4/5 (similarity 0.62), e7 5/5 (0.41)</c>; empty when there are none.</summary>
    public static string Describe(IReadOnlyList<GradeAnchor>? anchors) =>
        anchors is null ? string.Empty : string.Join(", ", anchors.Select((a, i) => string.Create(CultureInfo.InvariantCulture,
            $"{a.ExemplarId} {a.Score:0.##}/{a.MaxScore:0.##} ({(i == 0 ? "similarity " : string.Empty)}{a.Similarity:0.00})")));
}
