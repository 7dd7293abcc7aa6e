using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Interviewer.Rubrics.Calibration.Diagnostics;

/// <summary>
/// The light text analysis candidate-phrase search needs: accent-folded lower-case words, stop words dropped,
/// Snowball stems (Spanish and English, since answers mix them).
/// </summary>
internal sealed class PhraseText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was",
        "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them", "then", "than",
        "so", "such", "can", "could", "will", "would", "should", "may", "might", "must", "do", "does", "did", "done", "have", "has", "had",
        "not", "no", "yes", "also", "which", "what", "when", "where", "who", "how", "why", "all", "any", "each", "some", "more", "most",
        "into", "out", "up", "down", "about", "over", "very", "just", "only", "you", "your", "we", "our", "i", "my", "he", "she", "his",
        "her", "one", "other", "used", "use", "uses", "using", "etc", "e", "g", "ie", "eg",
        // Spanish
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "u", "de", "del", "al", "en", "con", "por", "para", "que", "se",
        "es", "son", "ser", "fue", "como", "mas", "pero", "sin", "sobre", "entre", "lo", "le", "les", "su", "sus", "este", "esta", "estos",
        "estas", "ese", "esa", "eso", "esto", "muy", "ya", "si", "cuando", "donde", "tambien", "hay", "ha", "han", "he", "puede", "pueden",
        "cada", "todo", "todos", "otro", "otra", "mi", "nos", "yo", "tu",
    };

    private readonly EnglishStemmer _english = new();
    private readonly SpanishStemmer _spanish = new();

    /// <summary>A word of the text: as written, and its stems.</summary>
    internal readonly record struct Word(string Surface, string Folded, string EnglishStem, string SpanishStem);

    /// <summary>Content words in order (stop words and single characters dropped).</summary>
    public IReadOnlyList<Word> ContentWords(string text)
    {
        var words = new List<Word>();
        foreach (var (surface, folded) in Split(text))
        {
            if (folded.Length < 2 || StopWords.Contains(folded) || folded.All(char.IsDigit))
            {
                continue;
            }
            words.Add(new Word(surface, folded, Stem(_english, folded), Stem(_spanish, folded)));
        }
        return words;
    }

    /// <summary>Every stem of the text's content words (both languages).</summary>
    public HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ContentWords(text))
        {
            stems.Add("en:" + word.EnglishStem);
            stems.Add("es:" + word.SpanishStem);
        }
        return stems;
    }

    /// <summary>True when the word's stem (either language) is in <paramref name="stems"/>.</summary>
    public static bool IsIn(Word word, HashSet<string> stems) =>
        stems.Contains("en:" + word.EnglishStem) || stems.Contains("es:" + word.SpanishStem);

    /// <summary>Lower case, accents removed (ñ kept as n: candidates mix spellings).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<(string Surface, string Folded)> Split(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '-' && start >= 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var surface = text[start..i];
                yield return (surface, Fold(surface));
                start = -1;
            }
        }
    }

    private static string Stem(Lucene.Net.Tartarus.Snowball.SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
