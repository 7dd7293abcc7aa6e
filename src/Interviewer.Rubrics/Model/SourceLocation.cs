namespace Interviewer.Rubrics.Model;

/// <summary>A position in a rubric file, for messages a rubric author can act on.</summary>
/// <param name="File">The file's path as it was given to the loader.</param>
/// <param name="Line">One-based line number.</param>
public sealed record SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
