namespace Interviewer.Rubrics.Text;

/// <summary>
/// A word of a text, with its place in the original string. A compound such as <c>ci/cd</c> is one token
/// spanning positions <see cref="Position"/>..<see cref="EndPosition"/>, followed by one part token per piece,
/// so that phrases can match either the whole or its pieces.
/// </summary>
internal struct Token
{
    /// <summary>UTF-16 offset of the first character in the original text.</summary>
    public int Start;

    /// <summary>Length in UTF-16 units in the original text.</summary>
    public int Length;

    /// <summary>Index of the first word position the token covers.</summary>
    public int Position;

    /// <summary>Index of the last word position the token covers (equal to <see cref="Position"/> unless a compound).</summary>
    public int EndPosition;

    /// <summary>Sentence number; phrases never match across sentences.</summary>
    public int Sentence;

    /// <summary>Number of the list segment (text between commas, semicolons, line breaks, sentence ends).</summary>
    public int Segment;

    /// <summary>A piece of a compound (the compound itself precedes it).</summary>
    public bool IsPart;

    /// <summary>The analysed word form.</summary>
    public Term Term;

    /// <summary>The rubric vocabulary words the token matches, ascending (empty outside grading).</summary>
    public int[] Matches;

    /// <summary>Offset just past the token in the original text.</summary>
    public readonly int End => Start + Length;
}
