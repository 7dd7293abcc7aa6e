namespace Interviewer.Rubrics.Batch;

/// <summary>How a batch is graded in parallel.</summary>
public sealed record BatchGradingOptions
{
    /// <summary>
    /// Most answers graded at the same time. Default: one per core, which suits the CPU-bound keyword grader;
    /// an LLM grader wants a small number that its provider's rate limit allows.
    /// </summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Answers handed to a worker at once. Default 64: small enough to keep the output flowing, large enough that
    /// scheduling costs little next to a keyword grade. Use 1 for a grader that waits on the network.
    /// </summary>
    public int ChunkSize { get; init; } = 64;

    /// <summary>
    /// How many times each answer is graded (default 1). Above 1 the result is the first run's grade with the spread of
    /// all runs in <see cref="BatchResult.Stability"/>: how stable an LLM grader is on these answers.
    /// </summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Options for a CPU-bound grader (keyword): one worker per core, answers in chunks.</summary>
    public static BatchGradingOptions CpuBound { get; } = new();

    /// <summary>Options for a grader that waits on a remote model: <paramref name="maxConcurrency"/> calls at once, one answer per call.</summary>
    public static BatchGradingOptions RemoteBound(int maxConcurrency) => new() { MaxConcurrency = maxConcurrency, ChunkSize = 1 };

    /// <summary>The options suited to a grader: remote-bound for <c>llm</c> and <c>dual</c>, CPU-bound otherwise.</summary>
    public static BatchGradingOptions For(string graderName, int llmConcurrency = 4) =>
        graderName is Grading.GraderNames.Llm or Grading.GraderNames.Dual ? RemoteBound(llmConcurrency) : CpuBound;
}
