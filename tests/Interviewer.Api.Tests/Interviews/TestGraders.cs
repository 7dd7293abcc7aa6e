using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>A keyword grader that never returns: the instance grading stops without warning between the acknowledgement and the grade.</summary>
internal sealed class HangingGrader : IAnswerGrader
{
    private readonly TaskCompletionSource<GradeResult> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => GraderNames.Keyword;

    public ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default)
    {
        Called.TrySetResult();
        return new ValueTask<GradeResult>(_never.Task);
    }
}

/// <summary>A keyword grader whose first <c>failures</c> calls fail (the grader or its store is down), then grades.</summary>
internal sealed class FlakyGrader(int failures) : IAnswerGrader
{
    private readonly KeywordGrader _keyword = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Name => GraderNames.Keyword;

    public ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default) =>
        Interlocked.Increment(ref _calls) <= failures
            ? throw new InvalidOperationException("The grader is down.")
            : _keyword.GradeAsync(request, ct);
}
