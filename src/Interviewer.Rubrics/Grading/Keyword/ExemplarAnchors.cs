using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// A question's exemplars prepared once (when the question is compiled): each one's word set and the team's score, and
/// how far the team's scale sits from the rubric's. Blends an answer's rubric score, moved onto the team's scale, with
/// the team's scores of the answers most like it.
/// </summary>
/// <remarks>
/// The map onto the team's scale is the rubric score plus the mean difference (team − rubric) over the exemplars: the
/// least-squares monotone map that keeps the rubric's own slope. With 5–20 exemplars, fitted slopes and isotonic steps
/// flatten the rubric's ranking and agreed less with the team on answers they had not seen (docs/keyword-grader.md).
/// </remarks>
internal sealed class ExemplarAnchors
{
    /// <summary>Most exemplars an answer anchors on.</summary>
    public const int Neighbours = 3;

    /// <summary>
    /// The summed similarity of the neighbours at which they count as much as the rubric: the blend gives them
    /// S / (S + this), so more and closer neighbours weigh more.
    /// </summary>
    public const double HalfTrust = 0.5;

    private readonly Exemplar[] _exemplars;
    private readonly int[][] _vectors;
    private readonly double[] _team;
    private readonly double _offset;

    private ExemplarAnchors(Exemplar[] exemplars, int[][] vectors, double[] team, double offset)
    {
        _exemplars = exemplars;
        _vectors = vectors;
        _team = team;
        _offset = offset;
    }

    /// <summary>Prepares <paramref name="exemplars"/>; <paramref name="analyse"/> gives an answer's rubric score (0–1) and word set.</summary>
    public static ExemplarAnchors Build(IReadOnlyList<Exemplar> exemplars, Func<string, (double Rubric, int[] Vector)> analyse)
    {
        var vectors = new int[exemplars.Count][];
        var team = new double[exemplars.Count];
        var offset = 0.0;
        for (var i = 0; i < exemplars.Count; i++)
        {
            (var rubric, vectors[i]) = analyse(exemplars[i].Answer);
            team[i] = exemplars[i].Normalized;
            offset += team[i] - rubric;
        }
        return new ExemplarAnchors([.. exemplars], vectors, team, offset / exemplars.Count);
    }

    /// <summary>
    /// The anchored score (0–1) of an answer with rubric score <paramref name="rubric"/> (0–1) and word set
    /// <paramref name="vector"/>; <paramref name="anchors"/> gets the neighbours used, most similar first.
    /// </summary>
    public double Score(double rubric, ReadOnlySpan<int> vector, out GradeAnchor[] anchors)
    {
        var k = Math.Min(Neighbours, _exemplars.Length);
        Span<int> best = stackalloc int[k];
        Span<double> bestSimilarity = stackalloc double[k];
        var found = 0;
        for (var e = 0; e < _exemplars.Length; e++)
        {
            var similarity = Similarity(vector, _vectors[e]);
            int at;
            if (similarity <= 0)
            {
                continue;
            }
            if (found < k)
            {
                at = found++;
            }
            else if (similarity > bestSimilarity[k - 1])
            {
                at = k - 1;
            }
            else
            {
                continue;
            }
            // Most similar first; on a tie the exemplar listed first stays ahead.
            while (at > 0 && bestSimilarity[at - 1] < similarity)
            {
                best[at] = best[at - 1];
                bestSimilarity[at] = bestSimilarity[at - 1];
                at--;
            }
            best[at] = e;
            bestSimilarity[at] = similarity;
        }

        var mapped = Math.Clamp(rubric + _offset, 0, 1);
        anchors = new GradeAnchor[found];
        if (found == 0)
        {
            return mapped;
        }
        double weighted = 0, total = 0;
        for (var i = 0; i < found; i++)
        {
            var exemplar = _exemplars[best[i]];
            weighted += bestSimilarity[i] * _team[best[i]];
            total += bestSimilarity[i];
            anchors[i] = new GradeAnchor(exemplar.Id, exemplar.Score, exemplar.MaxScore, Math.Round(bestSimilarity[i], 3));
        }
        var trust = total / (total + HalfTrust);
        return ((1 - trust) * mapped) + (trust * weighted / total);
    }

    /// <summary>Cosine similarity of two word sets: shared words over the geometric mean of their sizes.</summary>
    internal static double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
        a.Length == 0 || b.Length == 0 ? 0 : AnswerVector.Shared(a, b) / Math.Sqrt((double)a.Length * b.Length);
}
