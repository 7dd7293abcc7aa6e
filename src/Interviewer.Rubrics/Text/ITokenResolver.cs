namespace Interviewer.Rubrics.Text;

/// <summary>Turns a word form as written into its analysed term and, when grading, the rubric words it matches.</summary>
internal interface ITokenResolver
{
    /// <summary>The term for <paramref name="surface"/>; <paramref name="matches"/> gets the vocabulary words it matches (empty when not grading).</summary>
    Term Resolve(ReadOnlySpan<char> surface, out int[] matches);
}
