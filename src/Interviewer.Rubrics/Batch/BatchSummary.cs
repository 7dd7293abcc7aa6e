using System.Text.Json.Serialization;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Batch;

/// <summary>What a batch came to: counts, scores and their distribution, per question, degraded and flagged answers, time taken.</summary>
/// <param name="Bank">The bank graded against.</param>
/// <param name="Grader">The grader asked for.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Graded">Rows graded.</param>
/// <param name="Failed">Rows that could not be graded (each has its error in the results).</param>
/// <param name="MeanScore">Mean score of the graded rows; null when none was graded.</param>
/// <param name="MedianScore">Median score of the graded rows; null when none was graded.</param>
/// <param name="MinScore">Lowest score; null when none was graded.</param>
/// <param name="MaxScore">Highest score; null when none was graded.</param>
/// <param name="Distribution">Graded rows per score band of ten points (the last band includes 100).</param>
/// <param name="Questions">Per question, in bank order: answers graded and their scores.</param>
/// <param name="Degraded">Grades produced by a fallback grader.</param>
/// <param name="Flagged">Grades that carry at least one flag.</param>
/// <param name="Flags">How many grades carry each flag.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the run.</param>
/// <param name="AnswersPerSecond">Rows handled per second of wall-clock time.</param>
public sealed record BatchSummary(
    BankRef Bank,
    string Grader,
    int Rows,
    int Graded,
    int Failed,
    double? MeanScore,
    double? MedianScore,
    double? MinScore,
    double? MaxScore,
    IReadOnlyList<ScoreBand> Distribution,
    IReadOnlyList<QuestionSummary> Questions,
    int Degraded,
    int Flagged,
    IReadOnlyDictionary<string, int> Flags,
    double ElapsedSeconds,
    double AnswersPerSecond);

/// <summary>Graded rows whose score is in [<paramref name="From"/>, <paramref name="To"/>) (the last band includes 100).</summary>
/// <param name="From">Lowest score of the band.</param>
/// <param name="To">Highest score of the band (excluded but for the last band).</param>
/// <param name="Count">Graded rows in the band.</param>
public sealed record ScoreBand(int From, int To, int Count);

/// <summary>One question's share of a batch.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Text">The question as asked.</param>
/// <param name="Graded">Answers to it graded.</param>
/// <param name="MeanScore">Their mean score.</param>
/// <param name="MinScore">Their lowest score.</param>
/// <param name="MaxScore">Their highest score.</param>
/// <param name="Failed">Rows naming this question that could not be graded.</param>
public sealed record QuestionSummary(
    string QuestionId,
    string Text,
    int Graded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MeanScore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MinScore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MaxScore,
    int Failed);

/// <summary>
/// Adds results up one at a time into a <see cref="BatchSummary"/>, in constant memory (scores have one decimal,
/// so a histogram of the 1,001 possible values gives the exact median). Not thread-safe: feed it from one consumer.
/// </summary>
public sealed class BatchSummaryBuilder
{
    private const int Steps = 1001;
    private readonly QuestionBank _bank;
    private readonly string _grader;
    private readonly long[] _histogram = new long[Steps];
    private readonly Dictionary<string, QuestionTally> _questions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _flags = new(StringComparer.Ordinal);
    private double _sum;
    private int _degraded;
    private int _flagged;

    /// <summary>Starts an empty summary for a batch graded against <paramref name="bank"/> by <paramref name="grader"/>.</summary>
    public BatchSummaryBuilder(QuestionBank bank, string grader)
    {
        ArgumentNullException.ThrowIfNull(bank);
        _bank = bank;
        _grader = grader;
    }

    /// <summary>Rows added so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Graded rows added so far.</summary>
    public int Graded { get; private set; }

    /// <summary>Failed rows added so far.</summary>
    public int Failed => Rows - Graded;

    /// <summary>Counts one result.</summary>
    public void Add(BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Rows++;
        var tally = result.QuestionId is { } id ? Tally(id) : null;
        if (result.Grade is not { } grade)
        {
            if (tally is not null)
            {
                tally.Failed++;
            }
            return;
        }
        Graded++;
        var score = Math.Clamp(grade.Score, 0, 100);
        _sum += score;
        _histogram[(int)Math.Round(score * 10, MidpointRounding.AwayFromZero)]++;
        if (tally is not null)
        {
            tally.Add(score);
        }
        if (grade.Degraded)
        {
            _degraded++;
        }
        if (grade.Flags.Count > 0)
        {
            _flagged++;
            foreach (var flag in grade.Flags)
            {
                _flags[flag] = _flags.GetValueOrDefault(flag) + 1;
            }
        }
    }

    /// <summary>The summary of what was added, for a run that took <paramref name="elapsed"/>.</summary>
    public BatchSummary Build(TimeSpan elapsed)
    {
        var bands = new int[10];
        double? min = null, max = null;
        for (var i = 0; i < Steps; i++)
        {
            if (_histogram[i] == 0)
            {
                continue;
            }
            min ??= i / 10.0;
            max = i / 10.0;
            bands[Math.Min(9, i / 100)] += (int)_histogram[i];
        }
        var distribution = Enumerable.Range(0, 10).Select(b => new ScoreBand(b * 10, b * 10 + 10, bands[b])).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var questions = new List<QuestionSummary>();
        foreach (var question in _bank.Questions)
        {
            known.Add(question.Id);
            if (_questions.TryGetValue(question.Id, out var tally))
            {
                questions.Add(tally.ToSummary(question.Id, question.Text));
            }
        }
        foreach (var (id, tally) in _questions.Where(q => !known.Contains(q.Key)).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            questions.Add(tally.ToSummary(id, string.Empty));
        }
        var seconds = Math.Max(elapsed.TotalSeconds, 0);
        return new BatchSummary(
            _bank.Ref,
            _grader,
            Rows,
            Graded,
            Failed,
            Graded == 0 ? null : Round(_sum / Graded),
            Graded == 0 ? null : Median(),
            min,
            max,
            distribution,
            questions,
            _degraded,
            _flagged,
            new Dictionary<string, int>(_flags, StringComparer.Ordinal),
            Math.Round(seconds, 3),
            seconds > 0 ? Math.Round(Rows / seconds, 0) : 0);
    }

    private QuestionTally Tally(string questionId)
    {
        // Unknown question ids come from the input: cap how many distinct ones are tracked so hostile input cannot grow memory.
        if (!_questions.TryGetValue(questionId, out var tally) && (_questions.Count < _bank.Questions.Count + 100 || _bank.FindQuestion(questionId) is not null))
        {
            tally = new QuestionTally();
            _questions[questionId] = tally;
        }
        return tally ?? new QuestionTally();
    }

    private double Median()
    {
        long Nth(long n)
        {
            long seen = 0;
            for (var i = 0; i < Steps; i++)
            {
                seen += _histogram[i];
                if (seen > n)
                {
                    return i;
                }
            }
            return Steps - 1;
        }
        var count = (long)Graded;
        var median = count % 2 == 1 ? Nth(count / 2) : (Nth(count / 2 - 1) + Nth(count / 2)) / 2.0;
        return Round(median / 10.0);
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private sealed class QuestionTally
    {
        private double _sum;
        private double _min = double.MaxValue;
        private double _max = double.MinValue;

        public int Graded { get; private set; }

        public int Failed { get; set; }

        public void Add(double score)
        {
            Graded++;
            _sum += score;
            _min = Math.Min(_min, score);
            _max = Math.Max(_max, score);
        }

        public QuestionSummary ToSummary(string id, string text) => Graded == 0
            ? new QuestionSummary(id, text, 0, null, null, null, Failed)
            : new QuestionSummary(id, text, Graded, Round(_sum / Graded), _min, _max, Failed);
    }
}
