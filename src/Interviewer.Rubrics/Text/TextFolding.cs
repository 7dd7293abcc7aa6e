using System.Globalization;
using System.Text;

namespace Interviewer.Rubrics.Text;

/// <summary>
/// Unicode normalisation, accent folding and case folding, one character at a time so that a token's
/// offsets in the original text never move: <c>"Despliegué"</c>, <c>"DESPLIEGUE"</c> and
/// <c>"despliegue"</c> (with a combining accent) all fold to <c>"despliegue"</c>.
/// </summary>
public static class TextFolding
{
    // Folded form of every BMP character, filled on first use; racing writers store the same value.
    private static readonly string?[] Table = CreateTable();

    /// <summary>Folds <paramref name="text"/>: compatibility decomposition (NFKD), accents and other marks removed, lower case.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fold(text.AsSpan());
    }

    /// <summary>Folds a span of text; see <see cref="Fold(string)"/>.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c >= 0x80 || char.IsAsciiLetterUpper(c))
            {
                ascii = false;
                break;
            }
        }
        if (ascii)
        {
            return new string(text);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(FoldChar(c));
        }
        return builder.ToString();
    }

    /// <summary>The folded form of one UTF-16 unit: usually one character, empty for marks, several for ligatures.</summary>
    internal static string FoldChar(char c) => Table[c] ??= Compute(c);

    private static string?[] CreateTable()
    {
        var table = new string?[char.MaxValue + 1];
        for (var c = 0; c < 0x80; c++)
        {
            table[c] = char.ToLowerInvariant((char)c).ToString();
        }
        return table;
    }

    private static string Compute(char c)
    {
        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }
        // Typographic apostrophes fold to the ASCII one so that "don’t" and "don't" agree.
        if (c is '\u2019' or '\u2018' or '\u02BC' or '\u00B4')
        {
            return "'";
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (!IsMark(d))
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }
        return builder.ToString();
    }

    /// <summary>True for combining marks (accents written as separate code points).</summary>
    internal static bool IsMark(char c) => c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
