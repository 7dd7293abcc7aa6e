namespace Interviewer.Rubrics.Loading;

/// <summary>One problem found in a rubric file, reported as <c>file:line: message</c>.</summary>
/// <param name="File">The file's path as it was given to the loader.</param>
/// <param name="Line">One-based line number (1 when the problem concerns the whole file).</param>
/// <param name="Message">What is wrong, in terms a rubric author can act on.</param>
public sealed record RubricProblem(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}
