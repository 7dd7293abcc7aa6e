using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Llm;

/// <summary>A passage of the answer that addresses the grader instead of the question: UTF-16 offsets into the answer.</summary>
internal readonly record struct InjectedPassage(int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(int start, int length) => start < End && Start < start + length;
}

/// <summary>
/// Finds the passages of an answer that try to instruct the grader, in Spanish, English, French, Portuguese, Italian, German,
/// Russian and Chinese (<see cref="InjectionPatterns"/>): orders to ignore the rubric or earlier instructions, demands for a score or for every
/// point to count as covered, role-play, notes to the grader, fake delimiters, chat-template tags and transcript turns, fake
/// JSON verdicts and chat messages, hidden HTML, invisible Unicode tag characters, and any of these encoded in base64 or
/// ROT13. Look-alike letters of other scripts (<see cref="Confusables"/>, both ways: Cyrillic in Latin words, Latin in
/// Russian ones), full-width letters and zero-width characters do not hide them. Such passages are not part of the answer for grading: a quote inside one earns nothing, and an answer with
/// any of them is graded no higher than the keyword grader grades the rest of its text. Best effort: the verdict checks hold
/// without it.
/// </summary>
internal static class InjectionGuard
{
    // Text between two instructions this close together is part of the same injection.
    private const int SandwichLimit = 300;

    /// <summary>The injected passages of <paramref name="answer"/>, sorted and merged; empty for an honest answer.</summary>
    public static IReadOnlyList<InjectedPassage> Find(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (folded, source) = Fold(answer);
        var found = new List<InjectedPassage>();
        Scan(folded, CyrillicView(answer, folded, source), found);
        // ROT13 keeps every letter in place, so what it hides is found at the same offsets.
        ScanSentences(InjectionPatterns.Sentence, Rot13(folded), folded, found);
        foreach (Match run in InjectionPatterns.Base64Run().Matches(folded))
        {
            if (Base64Text(answer[source[run.Index]..source[run.Index + run.Length]]) is { } decoded)
            {
                var inner = new List<InjectedPassage>();
                var (decodedFolded, decodedSource) = Fold(decoded);
                Scan(decodedFolded, CyrillicView(decoded, decodedFolded, decodedSource), inner);
                if (inner.Count > 0)
                {
                    found.Add(Sentence(folded, run.Index, run.Length));
                }
            }
        }
        // Back to offsets into the answer as received.
        var passages = found.Select(p => new InjectedPassage(source[p.Start], source[p.End] - source[p.Start])).ToList();
        passages.AddRange(TagRuns(answer));
        return Merge(passages, answer);
    }

    /// <summary>The answer with every injected passage blanked out: same length, so offsets still point into the answer as received.</summary>
    public static string Mask(string answer, IReadOnlyList<InjectedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return answer;
        }
        var chars = answer.ToCharArray();
        foreach (var passage in passages)
        {
            Array.Fill(chars, ' ', passage.Start, passage.Length);
        }
        return new string(chars);
    }

    /// <summary>
    /// Lower case without accents; full-width, styled and look-alike letters made plain Latin; invisible characters (zero-width
    /// spaces, joiners, soft hyphens, fillers) dropped; with, for each character and for the end, its offset in <paramref name="text"/>.
    /// </summary>
    internal static (string Folded, int[] Source) Fold(string text)
    {
        var chars = new StringBuilder(text.Length);
        var source = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAscii(c) || char.IsSurrogate(c))
            {
                chars.Append(char.ToLowerInvariant(c));
                source.Add(i);
                continue;
            }
            if (IsInvisible(c))
            {
                continue;
            }
            // Compatibility decomposition turns full-width and styled letters into plain ones; the table, other scripts' look-alikes.
            var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
            var letter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
            letter = letter == default ? c : letter;
            chars.Append(Confusables.Latin(letter) ?? char.ToLowerInvariant(letter));
            source.Add(i);
        }
        source.Add(text.Length);
        return (chars.ToString(), [.. source]);
    }

    /// <summary>
    /// <paramref name="folded"/> with every Russian word of <paramref name="text"/> written in Cyrillic again (lower case, ё as е),
    /// its Latin look-alikes included: where the Russian patterns read. Same length and offsets.
    /// </summary>
    internal static string CyrillicView(string text, string folded, int[] source)
    {
        var chars = folded.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsLetter(chars[i]))
            {
                i++;
                continue;
            }
            // A Latin word with Cyrillic look-alikes in it ("Ignоra") stays Latin; a word with any other Cyrillic letter, or only Cyrillic ones, is Russian.
            var start = i;
            var (cyrillicOnly, otherCyrillic) = (true, false);
            for (; i < chars.Length && char.IsLetter(chars[i]); i++)
            {
                var original = text[source[i]];
                cyrillicOnly &= Confusables.IsCyrillic(original);
                otherCyrillic |= Confusables.IsCyrillic(original) && Confusables.Latin(original) is null;
            }
            var cyrillic = cyrillicOnly || otherCyrillic;
            for (var j = start; cyrillic && j < i; j++)
            {
                var original = text[source[j]];
                chars[j] = Confusables.IsCyrillic(original)
                    ? (char.ToLowerInvariant(original) is var lower && lower == 'ё' ? 'е' : lower)
                    : Confusables.Cyrillic(chars[j]) ?? chars[j];
            }
        }
        return new string(chars);
    }

    private static bool IsInvisible(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ||
        c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0';

    private static void Scan(string folded, string cyrillic, List<InjectedPassage> found)
    {
        ScanSentences(InjectionPatterns.Sentence, folded, folded, found);
        ScanSentences(InjectionPatterns.Chinese, folded, folded, found);
        ScanSentences(InjectionPatterns.Russian, cyrillic, folded, found);
        ScanToEnd(InjectionPatterns.ToEnd, folded, found);
        ScanToEnd(InjectionPatterns.ChineseToEnd, folded, found);
        ScanToEnd(InjectionPatterns.RussianToEnd, cyrillic, found);
        foreach (var pattern in InjectionPatterns.MatchOnly)
        {
            foreach (Match match in pattern.Matches(folded))
            {
                found.Add(new InjectedPassage(match.Index, match.Length));
            }
        }
        var inBlock = -1;
        foreach (Match match in InjectionPatterns.VerdictKey().Matches(folded))
        {
            if (match.Index < inBlock)
            {
                continue;
            }
            var passage = JsonBlock(folded, match.Index) ?? Sentence(folded, match.Index, match.Length);
            found.Add(passage);
            inBlock = passage.End;
        }
    }

    private static void ScanToEnd(Regex[] patterns, string searched, List<InjectedPassage> found)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Match(searched) is { Success: true } match)
            {
                var start = LineStart(searched, match.Index);
                found.Add(new InjectedPassage(start, searched.Length - start));
            }
        }
    }

    /// <summary>Matches the sentence patterns in <paramref name="searched"/>; the passages are sentences of <paramref name="folded"/> (the same length).</summary>
    private static void ScanSentences(Regex[] patterns, string searched, string folded, List<InjectedPassage> found)
    {
        foreach (var pattern in patterns)
        {
            var covered = -1;
            foreach (Match match in pattern.Matches(searched))
            {
                // Matches come in order: one inside the passage just found adds nothing (and a repeated phrase costs no rescan).
                if (match.Index < covered)
                {
                    continue;
                }
                var passage = Sentence(folded, match.Index, match.Length);
                found.Add(passage);
                covered = passage.End;
            }
        }
    }

    private static string Rot13(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'a' and <= 'z' ? (char)('a' + ((c - 'a' + 13) % 26)) : c;
        }
    });

    /// <summary>The text a base64 run decodes to, when it is readable UTF-8; null otherwise.</summary>
    private static string? Base64Text(string run)
    {
        var padded = run.TrimEnd('=');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var readable = text.Count(c => char.IsLetter(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsDigit(c));
        return text.Length > 0 && readable >= 0.9 * text.Length ? text : null;
    }

    /// <summary>Runs of Unicode tag characters (U+E0000–U+E007F): invisible to a reader, readable to a model; no honest answer has them.</summary>
    private static IEnumerable<InjectedPassage> TagRuns(string answer)
    {
        var start = -1;
        for (var i = 0; i + 1 < answer.Length; i++)
        {
            var isTag = char.IsHighSurrogate(answer[i]) && char.IsLowSurrogate(answer[i + 1]) &&
                char.ConvertToUtf32(answer[i], answer[i + 1]) is >= 0xE0000 and <= 0xE007F;
            if (isTag)
            {
                start = start < 0 ? i : start;
                i++;
                continue;
            }
            if (start >= 0)
            {
                yield return new InjectedPassage(start, i - start);
                start = -1;
            }
        }
        if (start >= 0)
        {
            yield return new InjectedPassage(start, answer.Length - start);
        }
    }

    private static InjectedPassage Sentence(string text, int index, int length)
    {
        var start = index;
        while (start > 0 && !IsSentenceEnd(text, start - 1))
        {
            start--;
        }
        while (start < index && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        var end = index + length;
        while (end < text.Length && !IsSentenceEnd(text, end))
        {
            end++;
        }
        if (end < text.Length)
        {
            end++;
        }
        return new InjectedPassage(start, end - start);
    }

    // A full stop between digits or letters ("1.5", "e.g", "mlflow.log") does not end a sentence.
    private static bool IsSentenceEnd(string text, int i) => text[i] switch
    {
        '\n' or '!' or '?' or '。' => true,
        '.' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    private static int LineStart(string text, int index)
    {
        var start = index;
        while (start > 0 && text[start - 1] != '\n')
        {
            start--;
        }
        // Only the rest of the line counts when the tag is preceded by ordinary text on it.
        return string.IsNullOrWhiteSpace(text[start..index]) ? start : index;
    }

    /// <summary>The outermost balanced <c>{ … }</c> around <paramref name="index"/>, or up to the end when it is never closed.</summary>
    private static InjectedPassage? JsonBlock(string text, int index)
    {
        var depth = 0;
        var open = -1;
        for (var i = index; i >= 0; i--)
        {
            if (text[i] == '}')
            {
                depth++;
            }
            else if (text[i] == '{')
            {
                if (depth == 0)
                {
                    open = i;
                }
                else
                {
                    depth--;
                }
            }
        }
        if (open < 0)
        {
            return null;
        }
        depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return new InjectedPassage(open, i + 1 - open);
            }
        }
        return new InjectedPassage(open, text.Length - open);
    }

    private static List<InjectedPassage> Merge(List<InjectedPassage> found, string text)
    {
        var merged = new List<InjectedPassage>();
        foreach (var passage in found.Where(p => p.Length > 0).OrderBy(p => p.Start))
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var gap = passage.Start - last.End;
                if (gap <= 0 || gap <= SandwichLimit || string.IsNullOrWhiteSpace(text.Substring(last.End, gap)))
                {
                    var end = Math.Max(last.End, passage.End);
                    merged[^1] = new InjectedPassage(last.Start, end - last.Start);
                    continue;
                }
            }
            merged.Add(passage);
        }
        return merged;
    }
}
