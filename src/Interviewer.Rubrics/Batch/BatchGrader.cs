using System.Runtime.CompilerServices;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Batch;

/// <summary>
/// Grades a stream of batch items in parallel and yields the results in input order, holding only a bounded
/// window of items in memory: a million rows need no more memory than a thousand.
/// </summary>
public static class BatchGrader
{
    /// <summary>
    /// Grades <paramref name="items"/> (questions of <paramref name="bank"/>) with <paramref name="grader"/>. Items with an error pass through as failed results;
    /// a grader that throws fails only its own row. At most <see cref="BatchGradingOptions.MaxConcurrency"/> chunks are graded
    /// at once, and at most twice that many are read ahead.
    /// </summary>
    public static async IAsyncEnumerable<BatchResult> GradeAsync(
        IEnumerable<BatchItem> items,
        QuestionBank bank,
        IAnswerGrader grader,
        BatchGradingOptions? options = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(grader);
        options ??= BatchGradingOptions.CpuBound;
        var concurrency = Math.Max(1, options.MaxConcurrency);
        var chunkSize = Math.Max(1, options.ChunkSize);
        // Not disposed: chunks still running after an abandoned enumeration release it.
        var gate = new SemaphoreSlim(concurrency, concurrency);
        var window = new Queue<Task<BatchResult[]>>();
        var readAhead = concurrency * 2;
        var chunk = new List<BatchItem>(chunkSize);

        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            chunk.Add(item);
            if (chunk.Count < chunkSize)
            {
                continue;
            }
            window.Enqueue(GradeChunkAsync([.. chunk], bank, grader, gate, options.Repeat, ct));
            chunk.Clear();
            if (window.Count >= readAhead)
            {
                foreach (var result in await window.Dequeue().ConfigureAwait(false))
                {
                    yield return result;
                }
            }
        }
        if (chunk.Count > 0)
        {
            window.Enqueue(GradeChunkAsync([.. chunk], bank, grader, gate, options.Repeat, ct));
        }
        while (window.Count > 0)
        {
            foreach (var result in await window.Dequeue().ConfigureAwait(false))
            {
                yield return result;
            }
        }
    }

    private static Task<BatchResult[]> GradeChunkAsync(BatchItem[] chunk, QuestionBank bank, IAnswerGrader grader, SemaphoreSlim gate, int repeat, CancellationToken ct) =>
        Task.Run(async () =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var results = new BatchResult[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    results[i] = await GradeOneAsync(chunk[i], bank, grader, repeat, ct).ConfigureAwait(false);
                }
                return results;
            }
            finally
            {
                gate.Release();
            }
        }, ct);

    /// <summary>
    /// Grades one item (<paramref name="repeat"/> times, keeping the first grade and the spread); an item with an error,
    /// or a grader failure, becomes a failed result.
    /// </summary>
    public static async ValueTask<BatchResult> GradeOneAsync(BatchItem item, QuestionBank bank, IAnswerGrader grader, int repeat = 1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(grader);
        if (!item.IsGradable)
        {
            return BatchResult.Failed(item, item.Error ?? "the row cannot be graded");
        }
        try
        {
            var request = new GradeRequest(item.Bank ?? bank, item.Question!, item.Answer!);
            if (repeat <= 1)
            {
                return BatchResult.Graded(item, await grader.GradeAsync(request, ct).ConfigureAwait(false));
            }
            var stability = await RepeatStability.MeasureAsync(grader, request, repeat, ct).ConfigureAwait(false);
            return BatchResult.Graded(item, stability.Grades[0]) with { Stability = stability };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return BatchResult.Failed(item, $"grading failed: {e.Message}");
        }
    }
}
