namespace Interviewer.Rubrics.Text;

/// <summary>
/// One distinct word form as written (e.g. <c>"Desplegamos"</c>), analysed once: folded form, stop-word status,
/// and the keys it matches by (folded form, Spanish and English Snowball stems), interned as integers.
/// </summary>
internal sealed class Term
{
    public Term(string folded, bool isStopWord, bool isNumeric, int[] keys, bool isShared)
    {
        Folded = folded;
        IsStopWord = isStopWord;
        IsNumeric = isNumeric;
        Keys = keys;
        IsShared = isShared;
    }

    /// <summary>Accent- and case-folded form, compared for typo tolerance.</summary>
    public string Folded { get; }

    /// <summary>A Spanish or English function word.</summary>
    public bool IsStopWord { get; }

    /// <summary>Holds a digit: matched exactly, never by typo tolerance.</summary>
    public bool IsNumeric { get; }

    /// <summary>Interned ids of the folded form and both stems (distinct); two terms match when any key agrees.</summary>
    public int[] Keys { get; }

    /// <summary>Lives in the shared cache, so per-question results for it may be cached by reference.</summary>
    public bool IsShared { get; }
}
