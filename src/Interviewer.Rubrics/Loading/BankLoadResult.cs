using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Loading;

/// <summary>The outcome of loading a bank: the bank when nothing is wrong, otherwise every problem and no bank.</summary>
/// <param name="Bank">The loaded bank; null whenever <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">Every problem found, in file order.</param>
public sealed record BankLoadResult(QuestionBank? Bank, IReadOnlyList<RubricProblem> Problems)
{
    /// <summary>True when the bank loaded without problems.</summary>
    public bool Succeeded => Bank is not null && Problems.Count == 0;
}
