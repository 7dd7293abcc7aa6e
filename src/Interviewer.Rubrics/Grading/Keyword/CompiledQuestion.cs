using System.Collections.Concurrent;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// A question's rubric analysed once: every phrase as a sequence of vocabulary words, and an index from match keys
/// (folded forms and stems) to those words. Which vocabulary words an answer's word matches is cached per word form.
/// </summary>
internal sealed class CompiledQuestion : ITokenResolver
{
    private const int PageBits = 10;

    private readonly Dictionary<int, int[]> _byKey;
    private readonly int[] _typoCandidates;
    private readonly int _typoMinLength;
    private readonly TermCache _cache;
    private readonly HashSet<int> _topicKeys;
    private readonly ConcurrentDictionary<ulong, string> _feedback = new();

    // Per cached term id, the vocabulary words it matches (null: not computed yet), in pages of 1,024 allocated on first
    // use. Match arrays are immutable once published, so readers need no lock; a write lost to a concurrent growth of
    // the page table only costs a recomputation.
    private int[]?[]?[] _pages = new int[]?[]?[64];

    private CompiledQuestion(Question question, TermCache cache, Term[] vocabulary, CompiledKeyPoint[] keyPoints, Dictionary<int, int[]> byKey, int[] typoCandidates, int typoMinLength, HashSet<int> topicKeys)
    {
        Question = question;
        _cache = cache;
        _topicKeys = topicKeys;
        Vocabulary = vocabulary;
        KeyPoints = keyPoints;
        _byKey = byKey;
        _typoCandidates = typoCandidates;
        _typoMinLength = typoMinLength;
    }

    public Question Question { get; }

    /// <summary>The distinct content words of every phrase (by folded form).</summary>
    public Term[] Vocabulary { get; }

    public CompiledKeyPoint[] KeyPoints { get; }

    /// <summary>The question's exemplars prepared for anchoring; null when it has none. Set once, before the question is shared.</summary>
    public ExemplarAnchors? Anchors { get; set; }

    public static CompiledQuestion Compile(Question question, TermCache cache, int typoMinLength)
    {
        var vocabulary = new List<Term>();
        var vocabularyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new TokenList(16);
        var keyPoints = new CompiledKeyPoint[question.KeyPoints.Count];
        for (var k = 0; k < keyPoints.Length; k++)
        {
            var keyPoint = question.KeyPoints[k];
            var concepts = new CompiledConcept[keyPoint.Concepts.Count];
            for (var c = 0; c < concepts.Length; c++)
            {
                var concept = keyPoint.Concepts[c];
                var phrases = new List<CompiledPhrase>();
                foreach (var phrase in concept.Phrases)
                {
                    foreach (var words in CompilePhrase(phrase, tokens, cache))
                    {
                        var indices = new int[words.Count];
                        for (var w = 0; w < indices.Length; w++)
                        {
                            var term = words[w];
                            if (!vocabularyIndex.TryGetValue(term.Folded, out var index))
                            {
                                index = vocabulary.Count;
                                vocabulary.Add(term);
                                vocabularyIndex.Add(term.Folded, index);
                            }
                            indices[w] = index;
                        }
                        phrases.Add(new CompiledPhrase(phrase, indices, OnlyStopWords: words.TrueForAll(t => t.IsStopWord)));
                    }
                }
                concepts[c] = new CompiledConcept(concept, [.. phrases]);
            }
            var contentWords = concepts.SelectMany(c => c.Phrases).SelectMany(p => p.Words).Where(w => !vocabulary[w].IsStopWord).ToHashSet();
            keyPoints[k] = new CompiledKeyPoint(keyPoint, concepts, contentWords);
        }

        var byKey = new Dictionary<int, List<int>>();
        var typoCandidates = new List<int>();
        for (var v = 0; v < vocabulary.Count; v++)
        {
            foreach (var key in vocabulary[v].Keys)
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }
                list.Add(v);
            }
            if (!vocabulary[v].IsNumeric && vocabulary[v].Folded.Length >= typoMinLength)
            {
                typoCandidates.Add(v);
            }
        }
        return new CompiledQuestion(question, cache, [.. vocabulary], keyPoints,
            byKey.ToDictionary(p => p.Key, p => p.Value.ToArray()), [.. typoCandidates], typoMinLength, TopicKeys(question, cache));
    }

    /// <summary>Whether <paramref name="term"/> is a word of the question's own texts (<see cref="TopicKeys"/>), by any match key.</summary>
    public bool IsTopicWord(Term term)
    {
        foreach (var key in term.Keys)
        {
            if (_topicKeys.Contains(key))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The match keys of the content words in the question, its model answer and its key points' texts and follow-ups.</summary>
    private static HashSet<int> TopicKeys(Question question, TermCache cache)
    {
        var keys = new HashSet<int>();
        var tokens = new TokenList();
        var texts = new List<string> { question.Text, question.ModelAnswer };
        texts.AddRange(question.KeyPoints.SelectMany(k => new[] { k.Text, k.FollowUp }));
        foreach (var text in texts)
        {
            Tokenizer.Tokenize(text, tokens, cache.Pinned);
            foreach (var token in tokens.Items)
            {
                if (!token.Term.IsStopWord)
                {
                    keys.UnionWith(token.Term.Keys);
                }
            }
        }
        return keys;
    }

    /// <summary>
    /// The word sequences a phrase matches by: its content words (all its words when it has only function words),
    /// and, when it holds a compound of content pieces (<c>tiempo-real</c>, <c>ci/cd</c>), the same with the pieces spelt out.
    /// </summary>
    internal static List<List<Term>> CompilePhrase(string phrase, TokenList tokens, TermCache cache)
    {
        Tokenizer.Tokenize(phrase, tokens, cache.Pinned);
        var words = new List<Term>();
        var all = new List<Term>();
        var spelt = new List<Term>();
        var hasSplittableCompound = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            ref var token = ref tokens[i];
            if (token.IsPart)
            {
                continue;
            }
            all.Add(token.Term);
            if (token.Term.IsStopWord)
            {
                continue;
            }
            words.Add(token.Term);
            var pieces = token.EndPosition - token.Position + 1;
            if (pieces > 1 && PiecesAreContent(tokens, i, pieces))
            {
                hasSplittableCompound = true;
                for (var p = 1; p <= pieces; p++)
                {
                    spelt.Add(tokens[i + p].Term);
                }
            }
            else
            {
                spelt.Add(token.Term);
            }
        }
        if (words.Count == 0)
        {
            return all.Count == 0 ? [] : [all];
        }
        return hasSplittableCompound ? [words, spelt] : [words];
    }

    private static bool PiecesAreContent(TokenList tokens, int whole, int pieces)
    {
        for (var p = 1; p <= pieces; p++)
        {
            var term = tokens[whole + p].Term;
            if (term.IsStopWord || term.Folded.Length < 2)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An answer's word form with its term and matches: for a term this question has seen, a lookup and a bit test.</summary>
    public Term Resolve(ReadOnlySpan<char> surface, out int[] matches)
    {
        var term = _cache.Get(surface);
        matches = Matches(term);
        return term;
    }

    /// <summary>As <see cref="Match"/>, remembered per term.</summary>
    public int[] Matches(Term term)
    {
        var id = term.Id;
        if (id < 0)
        {
            return Match(term);
        }
        var pageIndex = id >> PageBits;
        var pages = Volatile.Read(ref _pages);
        var page = pageIndex < pages.Length ? Volatile.Read(ref pages[pageIndex]) : null;
        if (page is not null && Volatile.Read(ref page[id & ((1 << PageBits) - 1)]) is { } known)
        {
            return known;
        }
        var matches = Match(term);
        page ??= Page(pageIndex);
        Volatile.Write(ref page[id & ((1 << PageBits) - 1)], matches);
        return matches;
    }

    private int[]?[] Page(int pageIndex)
    {
        while (true)
        {
            var pages = Volatile.Read(ref _pages);
            if (pageIndex >= pages.Length)
            {
                var grown = new int[]?[]?[Math.Max(pageIndex + 1, pages.Length * 2)];
                Array.Copy(pages, grown, pages.Length);
                Interlocked.CompareExchange(ref _pages, grown, pages);
                continue;
            }
            if (Volatile.Read(ref pages[pageIndex]) is { } existing)
            {
                return existing;
            }
            Interlocked.CompareExchange(ref pages[pageIndex], new int[]?[1 << PageBits], null);
            // Re-read through the current page table: a concurrent growth may have copied the slot before it was set.
            if (ReferenceEquals(pages, Volatile.Read(ref _pages)))
            {
                return pages[pageIndex]!;
            }
        }
    }

    /// <summary>The vocabulary words (ascending indices) a term matches: any key in common, or one typo in a long word.</summary>
    public int[] Match(Term term)
    {
        var found = new List<int>(4);
        foreach (var key in term.Keys)
        {
            if (_byKey.TryGetValue(key, out var words))
            {
                foreach (var word in words)
                {
                    if (!found.Contains(word))
                    {
                        found.Add(word);
                    }
                }
            }
        }
        var folded = term.Folded;
        if (!term.IsNumeric && !term.IsStopWord && folded.Length >= _typoMinLength - 1)
        {
            foreach (var candidate in _typoCandidates)
            {
                if (!found.Contains(candidate) && WithinOneEdit(folded, Vocabulary[candidate].Folded))
                {
                    found.Add(candidate);
                }
            }
        }
        found.Sort();
        return found.Count == 0 ? [] : found.ToArray();
    }

    /// <summary>
    /// The feedback for these statuses and flags, written once per combination: it depends on nothing else, and the same
    /// few combinations recur across answers.
    /// </summary>
    public string Feedback(KeyPointGrade[] grades, List<string> flags, bool spanish)
    {
        const int MaxKeyPoints = 28;
        const int MaxCached = 4096;
        if (grades.Length > MaxKeyPoints)
        {
            return Keyword.Feedback.Write(grades, flags, spanish);
        }
        var key = spanish ? 1UL : 0UL;
        foreach (var flag in flags)
        {
            key |= flag switch
            {
                GradeFlags.Empty => 2UL,
                GradeFlags.KeywordStuffing => 4UL,
                GradeFlags.TooShort => 8UL,
                _ => 0UL,
            };
        }
        for (var k = 0; k < grades.Length; k++)
        {
            key |= (ulong)grades[k].Status << (4 + (2 * k));
        }
        if (_feedback.TryGetValue(key, out var text))
        {
            return text;
        }
        text = Keyword.Feedback.Write(grades, flags, spanish);
        if (_feedback.Count < MaxCached)
        {
            _feedback.TryAdd(key, text);
        }
        return text;
    }

    /// <summary>Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of neighbours.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var i = 0;
        var shortest = Math.Min(a.Length, b.Length);
        while (i < shortest && a[i] == b[i])
        {
            i++;
        }
        if (a.Length == b.Length)
        {
            if (i == a.Length || a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            {
                return true;
            }
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}

/// <summary>A key point with its concepts compiled, and the vocabulary indices of the content words of all its phrases.</summary>
internal sealed record CompiledKeyPoint(KeyPoint KeyPoint, CompiledConcept[] Concepts, IReadOnlySet<int> ContentWords);

/// <summary>A concept with its phrases compiled; a phrase may yield several word sequences.</summary>
internal sealed record CompiledConcept(Concept Concept, CompiledPhrase[] Phrases);

/// <summary>One word sequence of a phrase: vocabulary indices in order.</summary>
internal sealed record CompiledPhrase(string Text, int[] Words, bool OnlyStopWords);
