using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// One answer tokenized and indexed against one compiled question: for every vocabulary word, the tokens it matches,
/// in text order. Reused per thread (the arrays only grow), so grading allocates little beyond its result.
/// </summary>
internal sealed class AnswerMatch
{
    private const int MaxRetainedTokens = 16_384;

    [ThreadStatic]
    private static AnswerMatch? t_current;

    private int[] _postingStart = new int[256];
    private int[] _postings = new int[512];
    private int[] _contentPrefix = new int[256];
    private int _vocabularySize;

    public TokenList Tokens { get; } = new();

    public CompiledQuestion Question { get; private set; } = null!;

    /// <summary>Content words as written (not function words, not compound pieces).</summary>
    public int ContentWordCount { get; private set; }

    /// <summary>Content words as written that match some rubric word (themselves or one of their pieces).</summary>
    public int MatchedWordCount { get; private set; }

    /// <summary>The calling thread's instance, loaded with <paramref name="answer"/>.</summary>
    public static AnswerMatch For(CompiledQuestion question, string answer)
    {
        var match = t_current;
        // Buffers grown by a huge answer are not kept for the thread's lifetime.
        if (match is null || match.Tokens.Capacity > MaxRetainedTokens)
        {
            t_current = match = new AnswerMatch();
        }
        match.Load(question, answer);
        return match;
    }

    private void Load(CompiledQuestion question, string answer)
    {
        Question = question;
        Tokenizer.Tokenize(answer, Tokens, question);
        var count = Tokens.Count;

        // Which vocabulary words each token matches, and how many tokens each word has.
        _vocabularySize = question.Vocabulary.Length;
        if (_postingStart.Length < _vocabularySize + 1)
        {
            _postingStart = new int[Math.Max(_vocabularySize + 1, _postingStart.Length * 2)];
        }
        Array.Clear(_postingStart, 0, _vocabularySize + 1);
        var entries = 0;
        var contentWords = 0;
        var matchedWords = 0;
        var wholeMatched = false;
        var wholeCounts = false;
        for (var t = 0; t < count; t++)
        {
            ref var token = ref Tokens[t];
            var matches = token.Matches;
            entries += matches.Length;
            foreach (var v in matches)
            {
                _postingStart[v + 1]++;
            }
            if (!token.IsPart)
            {
                if (wholeCounts && wholeMatched)
                {
                    matchedWords++;
                }
                wholeCounts = !token.Term.IsStopWord;
                wholeMatched = matches.Length > 0;
                if (wholeCounts)
                {
                    contentWords++;
                }
            }
            else if (matches.Length > 0 && !token.Term.IsStopWord)
            {
                wholeMatched = true;
            }
        }
        if (wholeCounts && wholeMatched)
        {
            matchedWords++;
        }
        ContentWordCount = contentWords;
        MatchedWordCount = matchedWords;

        // Postings: tokens per vocabulary word, in text order (a counting sort).
        for (var v = 0; v < _vocabularySize; v++)
        {
            _postingStart[v + 1] += _postingStart[v];
        }
        if (_postings.Length < entries)
        {
            _postings = new int[Math.Max(entries, _postings.Length * 2)];
        }
        Span<int> fill = _vocabularySize <= 512 ? stackalloc int[_vocabularySize] : new int[_vocabularySize];
        _postingStart.AsSpan(0, _vocabularySize).CopyTo(fill);
        for (var t = 0; t < count; t++)
        {
            foreach (var v in Tokens[t].Matches)
            {
                _postings[fill[v]++] = t;
            }
        }

        // Content words before each position, to measure gaps in content words.
        var positions = Tokens.PositionCount;
        if (_contentPrefix.Length < positions + 1)
        {
            _contentPrefix = new int[Math.Max(positions + 1, _contentPrefix.Length * 2)];
        }
        _contentPrefix[0] = 0;
        for (var t = 0; t < count; t++)
        {
            ref var token = ref Tokens[t];
            // Simple words and compound pieces hold one position each; a whole compound spans its pieces.
            if (token.EndPosition == token.Position)
            {
                _contentPrefix[token.Position + 1] = _contentPrefix[token.Position] + (token.Term.IsStopWord ? 0 : 1);
            }
        }
    }

    /// <summary>The tokens that match vocabulary word <paramref name="word"/>, in text order.</summary>
    public ReadOnlySpan<int> Postings(int word) =>
        _postings.AsSpan(_postingStart[word], _postingStart[word + 1] - _postingStart[word]);

    /// <summary>Finds the first occurrence of a word sequence in order, with small gaps, inside one sentence.</summary>
    public bool TryFind(int[] words, int maxGap, int maxRawGap, out int firstToken, out int lastToken)
    {
        foreach (var t in Postings(words[0]))
        {
            if (Extend(words, 1, t, maxGap, maxRawGap, out lastToken))
            {
                firstToken = t;
                return true;
            }
        }
        firstToken = lastToken = -1;
        return false;
    }

    private bool Extend(int[] words, int index, int previous, int maxGap, int maxRawGap, out int lastToken)
    {
        if (index == words.Length)
        {
            lastToken = previous;
            return true;
        }
        ref var before = ref Tokens[previous];
        var postings = Postings(words[index]);
        // Skip, by binary search, the tokens that start at or before the previous word's end.
        int lo = 0, hi = postings.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[postings[mid]].Position <= before.EndPosition)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (var i = lo; i < postings.Length; i++)
        {
            var t = postings[i];
            ref var token = ref Tokens[t];
            if (token.Sentence != before.Sentence || token.Position - before.EndPosition - 1 > maxRawGap ||
                _contentPrefix[token.Position] - _contentPrefix[before.EndPosition + 1] > maxGap)
            {
                break;
            }
            if (Extend(words, index + 1, t, maxGap, maxRawGap, out lastToken))
            {
                return true;
            }
        }
        lastToken = -1;
        return false;
    }

    /// <summary>True when the token at <paramref name="token"/> matches some rubric word.</summary>
    public bool IsMatched(int token) => Tokens[token].Matches.Length > 0;
}
