namespace Interviewer.Rubrics.Text;

/// <summary>
/// One distinct word form as written (e.g. <c>"Desplegamos"</c>), analysed once: folded form, stop-word status,
/// and the keys it matches by (folded form, Spanish and English Snowball stems), interned as integers.
/// </summary>
internal sealed class Term : ISurfaceKeyed
{
    public Term(string surface, int surfaceHash, int id, string folded, bool isStopWord, bool isNumeric, int[] keys)
    {
        Surface = surface;
        SurfaceHash = surfaceHash;
        Id = id;
        Folded = folded;
        IsStopWord = isStopWord;
        IsNumeric = isNumeric;
        Keys = keys;
    }

    /// <summary>The word form as written, the key of the cache.</summary>
    public string Surface { get; }

    /// <summary>The randomised hash of <see cref="Surface"/>.</summary>
    public int SurfaceHash { get; }

    /// <summary>Dense id of a cached term (per-question results are kept by it); -1 for a term outside the cache.</summary>
    public int Id { get; }

    /// <summary>Accent- and case-folded form, compared for typo tolerance.</summary>
    public string Folded { get; }

    /// <summary>A Spanish or English function word.</summary>
    public bool IsStopWord { get; }

    /// <summary>Holds a digit: matched exactly, never by typo tolerance.</summary>
    public bool IsNumeric { get; }

    /// <summary>Interned ids of the folded form and both stems (distinct); two terms match when any key agrees.</summary>
    public int[] Keys { get; }

    /// <summary>Lives in the cache, so per-question results for it may be kept by <see cref="Id"/>.</summary>
    public bool IsShared => Id >= 0;
}
