using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// A question's exemplars prepared once (when the question is compiled): each one's word set and the team's score, how
/// far the team's scale sits from the rubric's, and how well the closest exemplars predicted the team's own scores.
/// Blends an answer's rubric score, moved onto the team's scale, with the team's scores of the answers most like it.
/// </summary>
/// <remarks>
/// The map onto the team's scale is the rubric score plus the mean difference (team − rubric) over the exemplars: the
/// least-squares monotone map that keeps the rubric's own slope. With 5–20 exemplars, fitted slopes and isotonic steps
/// flatten the rubric's ranking and agreed less with the team on answers they had not seen (docs/keyword-grader.md).
/// The closest exemplars' share starts from S / (S + <see cref="HalfTrust"/>) and is corrected by the exemplars
/// themselves: each one is graded from the others, and the share that would have predicted the team's scores best
/// (least squares) pulls it, as much as one exemplar's worth of evidence, so a question whose answers differ in ways
/// the rubric sees leans on the rubric, and one where they do not leans on the neighbours.
/// </remarks>
internal sealed class ExemplarAnchors
{
    /// <summary>Most exemplars an answer anchors on.</summary>
    public const int Neighbours = 3;

    /// <summary>
    /// The summed similarity of the neighbours at which they count as much as the rubric before the exemplars' own
    /// evidence: S / (S + this), so more and closer neighbours weigh more.
    /// </summary>
    public const double HalfTrust = 0.5;

    private readonly Exemplar[] _exemplars;
    private readonly int[][] _vectors;
    private readonly double[] _team;
    private readonly double _shift;
    private readonly Fit _fit;

    private ExemplarAnchors(Exemplar[] exemplars, int[][] vectors, double[] team, double shift, Fit fit)
    {
        _exemplars = exemplars;
        _vectors = vectors;
        _team = team;
        _shift = shift;
        _fit = fit;
    }

    /// <summary>Prepares <paramref name="exemplars"/>; <paramref name="analyse"/> gives an answer's rubric score (0–1) and word set.</summary>
    public static ExemplarAnchors Build(IReadOnlyList<Exemplar> exemplars, Func<string, (double Rubric, int[] Vector)> analyse)
    {
        var vectors = new int[exemplars.Count][];
        var team = new double[exemplars.Count];
        var rubric = new double[exemplars.Count];
        for (var i = 0; i < exemplars.Count; i++)
        {
            (rubric[i], vectors[i]) = analyse(exemplars[i].Answer);
            team[i] = exemplars[i].Normalized;
        }
        var differences = team.Zip(rubric, (t, r) => t - r).Sum();
        return new ExemplarAnchors([.. exemplars], vectors, team, differences / exemplars.Count, LeaveOneOut(vectors, team, rubric, differences));
    }

    /// <summary>
    /// The anchoring (on 0–100) of an answer with word set <paramref name="vector"/>; <paramref name="anchors"/> gets the
    /// neighbours used, most similar first. The answer's own key-point score enters when the anchoring is applied.
    /// </summary>
    public GradeAnchoring Anchor(ReadOnlySpan<int> vector, out GradeAnchor[] anchors)
    {
        Span<int> best = stackalloc int[Math.Min(Neighbours, _exemplars.Length)];
        Span<double> similarity = stackalloc double[best.Length];
        var found = Nearest(vector, _vectors, skip: -1, best, similarity);
        anchors = new GradeAnchor[found];
        var shift = Math.Round(100 * _shift, 1);
        if (found == 0)
        {
            return new GradeAnchoring(shift, 0, 0);
        }
        double weighted = 0, total = 0;
        for (var i = 0; i < found; i++)
        {
            var exemplar = _exemplars[best[i]];
            weighted += similarity[i] * _team[best[i]];
            total += similarity[i];
            anchors[i] = new GradeAnchor(exemplar.Id, exemplar.Score, exemplar.MaxScore, Math.Round(similarity[i], 3));
        }
        return new GradeAnchoring(shift, Math.Round(_fit.Weight(total), 3), Math.Round(100 * weighted / total, 1));
    }

    /// <summary>Cosine similarity of two word sets: shared words over the geometric mean of their sizes.</summary>
    internal static double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
        a.Length == 0 || b.Length == 0 ? 0 : AnswerVector.Shared(a, b) / Math.Sqrt((double)a.Length * b.Length);

    /// <summary>
    /// Fills <paramref name="best"/> with the indexes of the vectors most similar to <paramref name="vector"/> (sharing
    /// a word; most similar first, on a tie the one listed first), leaving out <paramref name="skip"/>; returns how many.
    /// </summary>
    private static int Nearest(ReadOnlySpan<int> vector, int[][] vectors, int skip, Span<int> best, Span<double> bestSimilarity)
    {
        var k = best.Length;
        var found = 0;
        for (var e = 0; e < vectors.Length; e++)
        {
            var similarity = e == skip ? 0 : Similarity(vector, vectors[e]);
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
            while (at > 0 && bestSimilarity[at - 1] < similarity)
            {
                best[at] = best[at - 1];
                bestSimilarity[at] = bestSimilarity[at - 1];
                at--;
            }
            best[at] = e;
            bestSimilarity[at] = similarity;
        }
        return found;
    }

    /// <summary>
    /// Grades each exemplar from the others (its own shift and neighbours left out) and sums what a least-squares fit
    /// of the neighbours' share needs: Σ d·(team − mapped) and Σ d², with d = near − mapped.
    /// </summary>
    private static Fit LeaveOneOut(int[][] vectors, double[] team, double[] rubric, double differences)
    {
        var n = vectors.Length;
        if (n < 2)
        {
            return default;
        }
        Span<int> best = stackalloc int[Math.Min(Neighbours, n - 1)];
        Span<double> similarity = stackalloc double[best.Length];
        double agreement = 0, spread = 0;
        for (var i = 0; i < n; i++)
        {
            var found = Nearest(vectors[i], vectors, skip: i, best, similarity);
            if (found == 0)
            {
                continue;
            }
            double weighted = 0, total = 0;
            for (var j = 0; j < found; j++)
            {
                weighted += similarity[j] * team[best[j]];
                total += similarity[j];
            }
            var mapped = Math.Clamp(rubric[i] + ((differences - (team[i] - rubric[i])) / (n - 1)), 0, 1);
            var d = (weighted / total) - mapped;
            agreement += d * (team[i] - mapped);
            spread += d * d;
        }
        return new Fit(agreement, spread);
    }

    /// <summary>The exemplars' evidence on the neighbours' share (<see cref="LeaveOneOut"/>).</summary>
    private readonly record struct Fit(double Agreement, double Spread)
    {
        /// <summary>
        /// The share for neighbours of summed similarity <paramref name="total"/>: the least-squares share with the
        /// prior S / (S + <see cref="HalfTrust"/>) counted as one exemplar, in 0–1.
        /// </summary>
        public double Weight(double total)
        {
            var prior = total / (total + HalfTrust);
            return Spread > 0 ? Math.Clamp((Agreement + prior) / (Spread + 1), 0, 1) : prior;
        }
    }
}
