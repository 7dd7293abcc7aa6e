namespace Interviewer.Rubrics.Loading;

/// <summary>Thrown when a bank cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class RubricLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public RubricLoadException(IReadOnlyList<RubricProblem> problems)
        : base(FormatMessage(problems)) => Problems = problems;

    /// <summary>Creates the exception with a single message.</summary>
    public RubricLoadException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public RubricLoadException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Creates the exception without details.</summary>
    public RubricLoadException()
        : this("The rubric could not be loaded.")
    {
    }

    /// <summary>Every problem found, as <c>file:line: message</c>.</summary>
    public IReadOnlyList<RubricProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<RubricProblem> problems) =>
        $"{problems.Count} problem(s) in the rubric files:{Environment.NewLine}" +
        string.Join(Environment.NewLine, problems);
}
