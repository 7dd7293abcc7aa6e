using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Interviewer.Rubrics.Text;

/// <summary>
/// Analyses word forms (folding, stop words, Snowball stems for Spanish and English) and caches the result,
/// so that a word seen before costs one dictionary lookup on a span of the answer, with no allocation.
/// Thread-safe. The cache stops growing at its capacity: later new words are analysed on every use.
/// </summary>
internal sealed class TermCache : ITokenResolver
{
    /// <summary>Words longer than this are not stemmed or cached (no phrase is that long).</summary>
    public const int MaxWordLength = 64;

    [ThreadStatic]
    private static SpanishStemmer? t_spanish;

    [ThreadStatic]
    private static EnglishStemmer? t_english;

    private readonly SurfaceTable<Term> _terms;
    private readonly ConcurrentDictionary<string, int> _keys = new(StringComparer.Ordinal);
    private int _nextKey;
    private int _nextTerm = -1;

    public TermCache(int capacity = 100_000)
    {
        _terms = new SurfaceTable<Term>(capacity);
        Pinned = new PinningResolver(this);
    }

    /// <summary>The cache every grader shares.</summary>
    public static TermCache Shared { get; } = new();

    /// <summary>Number of word forms cached.</summary>
    public int Count => _terms.Count;

    /// <summary>A resolver that caches every term even past capacity: rubric phrases, which must match by reference.</summary>
    public ITokenResolver Pinned { get; }

    /// <summary>The analysed term for a word form as written. <paramref name="pin"/> caches it even past capacity (rubric phrases).</summary>
    public Term Get(ReadOnlySpan<char> surface, bool pin = false) => Get(surface, SurfaceTable<Term>.Hash(surface), pin);

    /// <summary>As <see cref="Get(ReadOnlySpan{char}, bool)"/>, with the span's hash already computed.</summary>
    public Term Get(ReadOnlySpan<char> surface, int hash, bool pin = false)
    {
        if (_terms.TryGet(surface, hash, out var term))
        {
            return term;
        }
        var cacheable = surface.Length <= MaxWordLength && (pin || !_terms.IsFull);
        var created = Analyse(surface, hash, cacheable);
        return cacheable ? _terms.GetOrAdd(created, evenIfFull: pin) : created;
    }

    /// <inheritdoc />
    public Term Resolve(ReadOnlySpan<char> surface, out int[] matches)
    {
        matches = [];
        return Get(surface);
    }

    private Term Analyse(ReadOnlySpan<char> surface, int hash, bool shared)
    {
        var folded = TextFolding.Fold(surface);
        var surfaceKey = shared ? (surface.SequenceEqual(folded) ? folded : new string(surface)) : string.Empty;
        var isStop = StopWords.Contains(folded);
        var isNumeric = folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        if (surface.Length > MaxWordLength)
        {
            return new Term(surfaceKey, hash, -1, folded, isStop, isNumeric, []);
        }

        var keys = new List<string>(3) { folded };
        var isCompound = ContainsJoiner(folded);
        if (!isNumeric && (!isCompound || folded.Contains('\'', StringComparison.Ordinal)))
        {
            var lower = Lower(surface);
            AddDistinct(keys, NormaliseSpanishStem(TextFolding.Fold(StemSpanish(lower))));
            AddDistinct(keys, TextFolding.Fold(StemEnglish(folded)));
        }

        var ids = new int[keys.Count];
        var count = 0;
        foreach (var key in keys)
        {
            var id = shared ? Intern(key) : (_keys.TryGetValue(key, out var known) ? known : -1);
            if (id >= 0)
            {
                ids[count++] = id;
            }
        }
        return new Term(surfaceKey, hash, shared ? Interlocked.Increment(ref _nextTerm) : -1, folded, isStop, isNumeric, count == ids.Length ? ids : ids[..count]);
    }

    private sealed class PinningResolver(TermCache cache) : ITokenResolver
    {
        public Term Resolve(ReadOnlySpan<char> surface, out int[] matches)
        {
            matches = [];
            return cache.Get(surface, pin: true);
        }
    }

    private int Intern(string key) =>
        _keys.TryGetValue(key, out var id) ? id : _keys.GetOrAdd(key, _ => Interlocked.Increment(ref _nextKey));

    private static void AddDistinct(List<string> keys, string key)
    {
        if (key.Length > 0 && !keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    private static bool ContainsJoiner(string folded)
    {
        foreach (var c in folded)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lower case with accents kept (NFKC), as the Spanish stemmer expects.</summary>
    private static string Lower(ReadOnlySpan<char> surface)
    {
        var lower = new string(surface).ToLowerInvariant();
        foreach (var c in lower)
        {
            if (c >= 0x80)
            {
                return lower.Normalize(NormalizationForm.FormKC);
            }
        }
        return lower;
    }

    private static string StemSpanish(string lower)
    {
        // Written Spanish drops accents often; "-cion"/"-sion" always carry one, and the stemmer only knows the accented suffix.
        if (lower.EndsWith("cion", StringComparison.Ordinal) || lower.EndsWith("sion", StringComparison.Ordinal))
        {
            lower = string.Concat(lower.AsSpan(0, lower.Length - 2), "ón");
        }
        var stemmer = t_spanish ??= new SpanishStemmer();
        stemmer.SetCurrent(lower);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static string StemEnglish(string folded)
    {
        var stemmer = t_english ??= new EnglishStemmer();
        stemmer.SetCurrent(folded);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// Undoes Spanish stem-changing diphthongs (ie→e, ue→o, not after g/q) so that "despliegue" meets "desplegamos"
    /// and "prueba" meets "probar". Applied to every Spanish stem alike, so both sides of a comparison agree.
    /// </summary>
    internal static string NormaliseSpanishStem(string stem)
    {
        if (!stem.Contains("ie", StringComparison.Ordinal) && !stem.Contains("ue", StringComparison.Ordinal))
        {
            return stem;
        }
        var builder = new StringBuilder(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            var next = i + 1 < stem.Length ? stem[i + 1] : '\0';
            var before = i > 0 ? stem[i - 1] : '\0';
            if (next == 'e' && (c == 'i' || c == 'u') && before is not ('g' or 'q') && i > 0)
            {
                builder.Append(c == 'i' ? 'e' : 'o');
                i++;
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
