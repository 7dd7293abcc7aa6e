using Interviewer.Rubrics.Batch;

namespace Interviewer.Rubrics.Reports;

/// <summary>What the grouping reports (Markdown, HTML) keep while results stream past: bounded whatever the input's size.</summary>
internal sealed class ReportCollector
{
    public const int MaxErrors = 1_000;
    public const int MaxCandidates = 10_000;

    public List<BatchResult> Detailed { get; } = [];

    public List<BatchResult> Errors { get; } = [];

    public Dictionary<string, CandidateTally> Candidates { get; } = new(StringComparer.Ordinal);

    public int NotDetailed { get; private set; }

    public int ErrorsNotShown { get; private set; }

    public bool HasCandidates { get; private set; }

    public void Add(BatchResult result)
    {
        if (result.Grade is null)
        {
            if (Errors.Count < MaxErrors)
            {
                Errors.Add(result);
            }
            else
            {
                ErrorsNotShown++;
            }
            return;
        }
        if (Detailed.Count < BatchReports.MaxDetailedAnswers)
        {
            Detailed.Add(result);
        }
        else
        {
            NotDetailed++;
        }
        if (result.Candidate is { } candidate)
        {
            HasCandidates = true;
            if (Candidates.TryGetValue(candidate, out var tally) || Candidates.Count < MaxCandidates)
            {
                tally ??= Candidates[candidate] = new CandidateTally();
                tally.Add(result.Grade.Score);
            }
        }
    }

    /// <summary>Detailed answers grouped by candidate (in order of first appearance); one group named "" when the input has no candidates.</summary>
    public IEnumerable<IGrouping<string, BatchResult>> ByCandidate() => Detailed.GroupBy(r => r.Candidate ?? string.Empty, StringComparer.Ordinal);
}

internal sealed class CandidateTally
{
    private double _sum;

    public int Graded { get; private set; }

    public double Mean => Graded == 0 ? 0 : Math.Round(_sum / Graded, 1, MidpointRounding.AwayFromZero);

    public void Add(double score)
    {
        Graded++;
        _sum += score;
    }
}
