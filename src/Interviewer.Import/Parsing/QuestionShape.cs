using System.Text.RegularExpressions;
using Interviewer.Rubrics.Text;

namespace Interviewer.Import.Parsing;

/// <summary>
/// Which blocks are questions, and which carry a description or an answer label, in Spanish and English. A question is a
/// whole block: every sentence of it asks ("¿…?", "…?") or prompts ("Describe …", "Explain …", "Tell me about …",
/// "Cuéntame …"); a question mark inside a paragraph of other sentences is not one. Numbered questions ("1. ¿Qué es…?",
/// "2) …", "Pregunta 3: …") are read without their number.
/// </summary>
internal static partial class QuestionShape
{
    private const int MaxQuestionLength = 300;
    private const int MaxQuestionSentences = 3;

    // Folded (lower case, no accents): matched against TextFolding.Fold of a sentence's start.
    private static readonly string[] Prompts =
    [
        "describe ", "explain ", "tell me about ", "tell us about ", "walk me through ", "walk us through ", "give an example ",
        "give me an example ", "share an example ", "talk about ", "discuss ", "compare ",
        "describa ", "explica ", "explique ", "explicanos ", "explicame ", "cuentame ", "cuentanos ", "hablame de ", "hablanos de ",
        "da un ejemplo ", "pon un ejemplo ", "comenta ", "compara ",
    ];

    /// <summary>Whether the block is a question; a prompt with no question mark counts only when <paramref name="promptAllowed"/>.</summary>
    public static bool IsQuestion(string text, bool promptAllowed)
    {
        if (text.Length is < 6 or > MaxQuestionLength || Label(text) is not null)
        {
            return false;
        }
        var sentences = Sentences(text);
        if (sentences.Count > MaxQuestionSentences)
        {
            return false;
        }
        var asks = false;
        foreach (var sentence in sentences)
        {
            if (EndsWithQuestionMark(sentence))
            {
                asks = true;
            }
            else if (!IsPrompt(sentence))
            {
                return false;
            }
        }
        return asks || promptAllowed;
    }

    /// <summary>
    /// A question's number at the start of a heading or paragraph: "Pregunta 3:", "Question 3.", "Q3:" (labelled: a question
    /// whatever its shape) or "3." and "3)" (a question only when the rest is one), with the text after it; null without one.
    /// </summary>
    public static (int Number, string Text, bool Labelled)? Numbering(string text)
    {
        var match = NumberingPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var rest = match.Groups["rest"].Value.Trim();
        var labelled = match.Groups["word"].Success && rest.Length is >= 6 and <= MaxQuestionLength && Label(rest) is null;
        return (int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), rest, labelled);
    }

    /// <summary>The label a block starts with ("Descripción:", "Example answer:") and the text after it; null when it has none.</summary>
    public static (LabelKind Kind, string After)? Label(string text)
    {
        var match = LabelPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var kind = match.Groups["description"].Success ? LabelKind.Description : LabelKind.Answer;
        return (kind, text[match.Length..].Trim());
    }

    /// <summary>The sentences of a text: split after '.', '!', '?' or '…' followed by a space and a capital, a digit or an opening mark.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text.Trim()).Where(s => s.Length > 0).ToList();

    private static bool EndsWithQuestionMark(string sentence) => sentence.TrimEnd('"', '»', '”', ')', ' ') is { Length: > 0 } s && s[^1] is '?' or '？';

    private static bool IsPrompt(string sentence)
    {
        var folded = TextFolding.Fold(sentence.TrimStart('¡', '"', '«', ' '));
        return Prompts.Any(p => folded.StartsWith(p, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s*(?:(?<word>pregunta|question|q|p)\s*(?:n[º°o]\.?\s*)?(?<n>\d{1,3})\s*[:.)\-–—]|(?<n>\d{1,3})\s*[.)])\s+(?<rest>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex NumberingPattern();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[¿¡""«“(\p{Lu}\p{N}])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex("""
        ^\s*(?:
          (?<description>descripci[oó]n|description|qu[eé]\s+(?:se\s+)?eval[uú]a|lo\s+que\s+eval[uú]a|qu[eé]\s+mide|objetivo(?:\s+de\s+la\s+pregunta)?|por\s+qu[eé]\s+se\s+pregunta
            |what\s+(?:it|this(?:\s+question)?|the\s+question)\s+(?:evaluates|assesses|tests|measures)|purpose|why\s+(?:it\s+is|it's|we)\s+ask(?:ed)?)
         |(?<answer>(?:ejemplo\s+de\s+)?respuesta(?:\s+(?:de\s+ejemplo|modelo|sugerida|esperada))?|posible\s+respuesta|c[oó]mo\s+responder
            |(?:example|sample|model|suggested|expected|possible)\s+answer|answer|how\s+to\s+answer)
        )\s*[:：]
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelPattern();
}

/// <summary>What a label introduces.</summary>
internal enum LabelKind
{
    Description,
    Answer,
}
