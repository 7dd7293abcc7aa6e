namespace Interviewer.Rubrics.Text;

/// <summary>
/// Splits text into words without copying it: letters, digits and combining marks make words; a joiner
/// (<c>- / . _ ' &amp; +</c>) between two word characters makes a compound (<c>ci/cd</c>, <c>a/b</c>,
/// <c>scikit-learn</c>, <c>node.js</c>) kept whole and also split into parts; <c>c++</c> and <c>c#</c> keep
/// their symbols. Offsets are those of the original string.
/// </summary>
internal static class Tokenizer
{
    /// <summary>A segment of at most this many words reads as a list item.</summary>
    public const int ShortSegmentWords = 3;

    private const int MaxPieces = 16;

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (cleared first), resolving each word with <paramref name="resolver"/>.</summary>
    public static void Tokenize(string text, TokenList tokens, ITokenResolver resolver)
    {
        tokens.Clear();
        Span<int> pieceStarts = stackalloc int[MaxPieces];
        Span<int> pieceEnds = stackalloc int[MaxPieces];
        var sentence = 0;
        var segment = 0;
        var segmentWords = 0;
        var position = 0;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (!IsWordStart(c))
            {
                if (IsSentenceEnd(c))
                {
                    sentence++;
                }
                if (IsSegmentEnd(c))
                {
                    CloseSegment(tokens, ref segment, ref segmentWords);
                }
                i++;
                continue;
            }

            var start = i;
            var pieces = 0;
            while (true)
            {
                var pieceStart = i;
                while (i < n && IsWordChar(text[i]))
                {
                    i++;
                }
                pieceStarts[pieces] = pieceStart;
                pieceEnds[pieces] = i;
                pieces++;
                if (pieces < MaxPieces && i + 1 < n && IsJoiner(text[i]) && IsWordStart(text[i + 1]))
                {
                    i++;
                    continue;
                }
                break;
            }

            // "c++", "c#", "f#": short names that keep their symbols.
            var end = i;
            if (i < n && (text[i] == '+' || text[i] == '#') && pieceEnds[pieces - 1] - pieceStarts[pieces - 1] <= 2)
            {
                var j = i;
                while (j < n && j - i < 2 && text[j] == text[i])
                {
                    j++;
                }
                if (j == n || !IsWordChar(text[j]))
                {
                    end = j;
                    i = j;
                }
            }

            var whole = resolver.Resolve(text.AsSpan(start, end - start), out var wholeMatches);
            tokens.Add(new Token
            {
                Start = start,
                Length = end - start,
                Position = position,
                EndPosition = position + pieces - 1,
                Sentence = sentence,
                Segment = segment,
                Term = whole,
                Matches = wholeMatches,
            });
            tokens.WordCount++;
            segmentWords++;
            if (whole.IsStopWord)
            {
                tokens.StopWordCount++;
            }
            if (pieces > 1)
            {
                for (var p = 0; p < pieces; p++)
                {
                    var part = resolver.Resolve(text.AsSpan(pieceStarts[p], pieceEnds[p] - pieceStarts[p]), out var partMatches);
                    tokens.Add(new Token
                    {
                        Start = pieceStarts[p],
                        Length = pieceEnds[p] - pieceStarts[p],
                        Position = position + p,
                        EndPosition = position + p,
                        Sentence = sentence,
                        Segment = segment,
                        IsPart = true,
                        Term = part,
                        Matches = partMatches,
                    });
                }
            }
            position += pieces;
        }
        CloseSegment(tokens, ref segment, ref segmentWords);
        tokens.PositionCount = position;
    }

    private static void CloseSegment(TokenList tokens, ref int segment, ref int segmentWords)
    {
        if (segmentWords == 0)
        {
            return;
        }
        tokens.SegmentCount++;
        if (segmentWords <= ShortSegmentWords)
        {
            tokens.ShortSegmentWordCount += segmentWords;
        }
        segment++;
        segmentWords = 0;
    }

    /// <summary>Letters and digits start a word; combining marks only continue one.</summary>
    internal static bool IsWordStart(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : !char.IsSurrogate(c) && char.IsLetterOrDigit(c);

    internal static bool IsWordChar(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : !char.IsSurrogate(c) && (char.IsLetterOrDigit(c) || TextFolding.IsMark(c));

    private static bool IsJoiner(char c) => c is '-' or '/' or '.' or '_' or '\'' or '&' or '+' or '\u2019' or '\u2010' or '\u2011';

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\u2026';

    // Parentheses are not list separators: "data members (attributes)" is prose.
    private static bool IsSegmentEnd(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\u2026' or ',' or ':' or '|'
        or '-' or '/' or '*' or '\u2022' or '\u00B7' or '\u2013' or '\u2014';
}
