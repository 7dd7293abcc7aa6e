using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Llm;

/// <summary>
/// Finds a model's quote in the answer after case, white-space, accent and typographic-punctuation normalisation, and maps
/// what it found back to UTF-16 offsets into the answer exactly as received.
/// </summary>
internal sealed class EvidenceLocator
{
    private readonly string _answer;
    private readonly NormalisedText _text;

    public EvidenceLocator(string answer)
    {
        _answer = answer;
        _text = NormalisedText.Of(answer);
    }

    /// <summary>
    /// The spans of the answer that make up <paramref name="quote"/>, or null when it is not in the answer. A quote elided with
    /// <c>...</c> or <c>…</c> must be found fragment by fragment, in order. The first occurrence that <paramref name="allowed"/>
    /// accepts is taken; when occurrences exist but none is allowed, <paramref name="rejected"/> is true.
    /// </summary>
    public IReadOnlyList<EvidenceSpan>? Locate(string quote, Func<int, int, bool> allowed, out bool rejected)
    {
        rejected = false;
        var fragments = Fragments(quote);
        if (fragments.Count == 0)
        {
            return null;
        }

        // Every occurrence of the first fragment is a candidate start; the rest follow greedily.
        var from = 0;
        var found = false;
        while (from <= _text.Value.Length)
        {
            var first = _text.Value.IndexOf(fragments[0], from, StringComparison.Ordinal);
            if (first < 0)
            {
                break;
            }
            var spans = new List<EvidenceSpan>();
            var at = first;
            foreach (var fragment in fragments)
            {
                var hit = _text.Value.IndexOf(fragment, at, StringComparison.Ordinal);
                if (hit < 0)
                {
                    spans = null;
                    break;
                }
                spans.Add(Span(hit, fragment.Length));
                at = hit + fragment.Length;
            }
            if (spans is null)
            {
                break;
            }
            found = true;
            if (spans.All(s => allowed(s.Start, s.Length)))
            {
                return spans;
            }
            from = first + 1;
        }
        rejected = found;
        return null;
    }

    private EvidenceSpan Span(int start, int length)
    {
        var sourceStart = _text.SourceStart[start];
        var sourceEnd = _text.SourceEnd[start + length - 1];
        return new EvidenceSpan(sourceStart, sourceEnd - sourceStart, _answer[sourceStart..sourceEnd]);
    }

    /// <summary>The normalised, non-empty pieces of a quote, split at elisions and stripped of surrounding quote marks.</summary>
    internal static List<string> Fragments(string quote)
    {
        var normalised = NormalisedText.Of(quote).Value;
        var fragments = new List<string>();
        foreach (var piece in normalised.Split("...", StringSplitOptions.None))
        {
            var fragment = piece.Trim(TrimmedFromQuotes);
            if (fragment.Length > 0)
            {
                fragments.Add(fragment);
            }
        }
        return fragments;
    }

    private static readonly char[] TrimmedFromQuotes = [' ', '"', '\'', '`', '.', ',', ';', ':', '!', '?', '¡', '¿', '(', ')', '[', ']', '-'];
}

/// <summary>
/// A text lower-cased, accent-folded, with typographic quotes and dashes made plain and white space collapsed, with the source
/// range of every normalised character.
/// </summary>
internal sealed class NormalisedText
{
    private NormalisedText(string value, int[] sourceStart, int[] sourceEnd)
    {
        Value = value;
        SourceStart = sourceStart;
        SourceEnd = sourceEnd;
    }

    public string Value { get; }

    /// <summary>For each character of <see cref="Value"/>, where its source starts.</summary>
    public int[] SourceStart { get; }

    /// <summary>For each character of <see cref="Value"/>, where its source ends (exclusive).</summary>
    public int[] SourceEnd { get; }

    public static NormalisedText Of(string source)
    {
        var value = new StringBuilder(source.Length);
        var starts = new List<int>(source.Length);
        var ends = new List<int>(source.Length);
        void Add(char c, int start, int end)
        {
            value.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                if (value.Length > 0 && value[^1] != ' ')
                {
                    Add(' ', i, i + 1);
                }
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                Add(c, i, i + 2);
                Add(source[i + 1], i, i + 2);
                i++;
                continue;
            }
            if (char.IsAscii(c))
            {
                Add(char.ToLowerInvariant(c), i, i + 1);
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (Plain(c) is { } plain)
            {
                foreach (var p in plain)
                {
                    Add(p, i, i + 1);
                }
                continue;
            }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            foreach (var d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    Add(char.ToLowerInvariant(d), i, i + 1);
                }
            }
        }
        if (value.Length > 0 && value[^1] == ' ')
        {
            value.Length--;
            starts.RemoveAt(starts.Count - 1);
            ends.RemoveAt(ends.Count - 1);
        }
        return new NormalisedText(value.ToString(), [.. starts], [.. ends]);
    }

    private static string? Plain(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
        '\u2026' => "...",
        _ => null,
    };
}
