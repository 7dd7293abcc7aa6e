using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// An answer's content words as a set of stem keys (the grader's own normalised, stemmed tokens; function words left
/// out), sorted, for comparing answers by the words they share.
/// </summary>
internal static class AnswerVector
{
    [ThreadStatic]
    private static int[]? t_buffer;

    /// <summary>The distinct stem keys of <paramref name="tokens"/>' content words, ascending, in a per-thread buffer valid until the next call.</summary>
    public static ReadOnlySpan<int> Of(TokenList tokens)
    {
        var buffer = t_buffer ??= new int[256];
        var count = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            ref var token = ref tokens[t];
            var term = token.Term;
            if (token.IsPart || term.IsStopWord)
            {
                continue;
            }
            var keys = term.Keys;
            // The stems when the word has any; the folded form alone otherwise (numbers, words the stemmers leave as they are).
            for (var k = keys.Length > 1 ? 1 : 0; k < keys.Length; k++)
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                    t_buffer = buffer;
                }
                buffer[count++] = keys[k];
            }
        }
        if (count == 0)
        {
            return [];
        }
        var span = buffer.AsSpan(0, count);
        span.Sort();
        var distinct = 1;
        for (var i = 1; i < count; i++)
        {
            if (span[i] != span[distinct - 1])
            {
                span[distinct++] = span[i];
            }
        }
        return span[..distinct];
    }

    /// <summary>Keys two sorted sets have in common.</summary>
    public static int Shared(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }
}
