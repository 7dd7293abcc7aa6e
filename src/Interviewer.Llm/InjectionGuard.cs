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
/// Finds the passages of an answer that try to instruct the grader (Spanish and English): orders to ignore the rubric,
/// demands for a score, role-play, fake delimiters and chat-template tags, fake JSON verdicts, hidden HTML. Such passages are
/// not part of the answer for grading: a quote inside one earns nothing, and an answer with any of them is graded no higher
/// than the keyword grader grades the rest of its text.
/// </summary>
internal static partial class InjectionGuard
{
    // Text between two instructions this close together is part of the same injection.
    private const int SandwichLimit = 300;

    private enum Scope
    {
        /// <summary>The sentence (or line) holding the match.</summary>
        Sentence,

        /// <summary>From the match to the end of the answer: what follows a fake delimiter or a chat tag is not the answer.</summary>
        ToEnd,

        /// <summary>Just the match.</summary>
        Match,
    }

    private static readonly (Regex Pattern, Scope Scope)[] Rules =
    [
        (Override(), Scope.Sentence),
        (GradeDemand(), Scope.Sentence),
        (GradeDemandReversed(), Scope.Sentence),
        (GradeOrder(), Scope.Sentence),
        (StatusDemand(), Scope.Sentence),
        (MarkAsCovered(), Scope.Sentence),
        (AllKeyPoints(), Scope.Sentence),
        (RolePlay(), Scope.Sentence),
        (YouAreTheGrader(), Scope.Sentence),
        (IfYouAreAnAi(), Scope.Sentence),
        (AsTheGrader(), Scope.Sentence),
        (SayThat(), Scope.Sentence),
        (MetaClaim(), Scope.Sentence),
        (AddressesTheGrader(), Scope.Sentence),
        (SystemTerms(), Scope.Sentence),
        (RoleTag(), Scope.ToEnd),
        (ChatTemplateTag(), Scope.ToEnd),
        (FakeDelimiter(), Scope.ToEnd),
        (FakeAnswerEnd(), Scope.ToEnd),
        (HtmlComment(), Scope.Match),
        (HiddenElement(), Scope.Match),
    ];

    /// <summary>The injected passages of <paramref name="answer"/>, sorted and merged; empty for an honest answer.</summary>
    public static IReadOnlyList<InjectedPassage> Find(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (folded, source) = Fold(answer);
        var found = new List<InjectedPassage>();
        foreach (var (pattern, scope) in Rules)
        {
            var covered = -1;
            foreach (Match match in pattern.Matches(folded))
            {
                // Matches come in order: one inside the passage just found adds nothing (and a repeated phrase costs no rescan).
                if (match.Index < covered)
                {
                    continue;
                }
                var passage = scope switch
                {
                    Scope.Sentence => Sentence(folded, match.Index, match.Length),
                    Scope.ToEnd => new InjectedPassage(LineStart(folded, match.Index), folded.Length - LineStart(folded, match.Index)),
                    _ => new InjectedPassage(match.Index, match.Length),
                };
                found.Add(passage);
                covered = passage.End;
            }
        }
        var inBlock = -1;
        foreach (Match match in VerdictKey().Matches(folded))
        {
            if (match.Index < inBlock)
            {
                continue;
            }
            var passage = JsonBlock(folded, match.Index) ?? Sentence(folded, match.Index, match.Length);
            found.Add(passage);
            inBlock = passage.End;
        }
        // Back to offsets into the answer as received.
        var passages = found.Select(p => new InjectedPassage(source[p.Start], source[p.End] - source[p.Start])).ToList();
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
    /// Lower case without accents, full-width or styled letters made plain, invisible characters (zero-width spaces, joiners)
    /// dropped; with, for each character and for the end, its offset in <paramref name="text"/>.
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
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            // Compatibility decomposition also turns full-width and styled letters into plain ones.
            var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
            var letter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
            chars.Append(char.ToLowerInvariant(letter == default ? c : letter));
            source.Add(i);
        }
        source.Add(text.Length);
        return (chars.ToString(), [.. source]);
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
        '\n' or '!' or '?' => true,
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

    // Patterns run on folded text: lower case, no accents.
    private const string Stop = @"[^.!?\n]";

    [GeneratedRegex(@"\b(ignore|ignora\w*|ignoren|ignorad|ignorar|olvida\w*|olviden|forget|disregard|omit[ea]\w*|override|bypass|salta(te)?|no (sigas|hagas caso|tengas en cuenta))\b" + Stop + @"{0,80}?\b(instruc\w*|rules|reglas|rubric\w*|prompts?|criteri\w*|guidelines|directri\w*|todo lo (anterior|dicho|de arriba)|lo anterior)", RegexOptions.CultureInvariant)]
    private static partial Regex Override();

    [GeneratedRegex(@"\b(nota|puntuacion|puntaje|calificacion|score|grade|marks)\s*[:=]\s*(100|cien|10\s*/\s*10)\b|\b(nota|puntuacion|puntaje|calificacion)\s+(maxima|perfecta|de 100|de cien|de diez|de 10)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GradeDemand();

    [GeneratedRegex(@"\b(full|maximum|perfect|highest|maxima|maximo|perfecta)\s+(marks|score|grade|nota|puntuacion|calificacion|puntaje)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GradeDemandReversed();

    [GeneratedRegex(@"\b(pon|ponme|ponle|pongan|dame|dale|asignale|asigname|otorgale|otorgame|calificame|calificala|puntuame|puntuala|apruebame|give (me|it|this|us)|award (me|it|this)|assign (me|it|this)|pass me)\b" + Stop + @"{0,40}?(\b(100|cien|diez|sobresaliente|matricula|full|maxim\w*|perfect\w*|aprobad\w*)\b|\b10\s*/\s*10)", RegexOptions.CultureInvariant)]
    private static partial Regex GradeOrder();

    [GeneratedRegex(@"\b(mark|marca\w*|marque\w*|treat|trata(los|las|lo|la)?|considera(los|las|lo|la|d)?|declara\w*|count (them|it|all))\b" + Stop + @"{0,50}?\b(all|every|each|everything|todo|todos|todas|cada)\b" + Stop + @"{0,50}?\b(covered|cubiert\w*|met|satisfied|satisfech\w*|cumplid\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusDemand();

    [GeneratedRegex(@"\b(marca\w*|marque\w*|mark|set|pon|ponga|deja)\s+(\w+\s+)?(como|as)\s+(covered|cubiert\w*|complet\w*|present\w*|met|cumplid\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MarkAsCovered();

    [GeneratedRegex(@"\b(como|as)\s+(el\s+|la\s+|un\s+|una\s+|the\s+|an?\s+)?(evaluador\w*|corrector\w*|examinador\w*|grader|evaluator|examiner)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsTheGrader();

    [GeneratedRegex(@"\b(di|diga|digan|decid|responde|contesta|escribe|say|state|respond|output|reply)\s+(que|that)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SayThat();

    [GeneratedRegex(@"\b(all|every|each|todos los|todas las|cada)\b" + Stop + @"{0,20}?\b(key ?points?|puntos? clave)\b|\b(key ?points?|puntos? clave)\b" + Stop + @"{0,30}?\b(covered|cubiert\w*|met|cumplid\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AllKeyPoints();

    [GeneratedRegex(@"\b(you are now|you're now|pretend (to be|you are|that you)|finge (ser|que eres)|imagina que eres|imagine (you are|that you are)|let'?s play|juguemos|vamos a jugar|role-?play|juego de rol|developer mode|modo desarrollador|jailbreak|dan mode)\b|\b(from now on|a partir de ahora|de ahora en adelante),?\s+(you|your|tu|eres|debes|vas a|ignora|responde|answer|grade|evalua|califica)\b|\b(act|actua|actuad|actue)\s+(as|como)\s+((if|si|a|an|the|un|una|el|la|my|mi)\s+)?(\w+\s+)?(grader|evaluador|evaluator|examiner|examinador|corrector|teacher|profesor|assistant|asistente|ai|ia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RolePlay();

    [GeneratedRegex(@"\b(eres|sois|you are|you're)\s+(now\s+|ahora\s+)?((a|an|the|un|una|el|la)\s+)?(\w+\s+){0,2}(evaluador\w*|corrector\w*|examinador\w*|profesor\w*|grader|evaluator|examiner|assistant|asistente)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YouAreTheGrader();

    [GeneratedRegex(@"\b(si eres|if you are|if you're)\s+(an?\s+|una?\s+)?(ia|ai|llm|language model|modelo de lenguaje|chatbot|gpt|grader|evaluador)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IfYouAreAnAi();

    [GeneratedRegex(@"\b(this|my|the) answer\s+(already\s+)?(covers?|mentions?|includes?|contains?|addresses|explains?|satisf\w*|meets|deserves|merits)\b|\b(this|my) response\s+(already\s+)?(covers?|mentions?|addresses|satisf\w*|meets|deserves|merits)\b|\b(esta|mi) respuesta\s+(ya\s+)?(cubre|menciona|incluye|contiene|aborda|explica|cumple|satisface|merece)\b|\bla respuesta\s+(ya\s+)?(cubre|menciona|aborda|cumple|satisface|merece)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MetaClaim();

    [GeneratedRegex(@"\b(dear|querido|estimado|hola|hello|note (to|for)( the)?|nota (para|al)( el| la)?|attention|atencion|mensaje (para|al)( el| la)?)\s+(the\s+|el\s+|la\s+)?(grader|evaluador\w*|corrector\w*|examinador\w*|ia|ai|llm|assistant|asistente|reviewer|revisor)\b|\b(to|for) the (grader|evaluator|examiner)\b|\b(al|para el) (evaluador|corrector|examinador)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddressesTheGrader();

    [GeneratedRegex(@"\b(system prompt|prompt del sistema|instrucciones del sistema|system message|mensaje del sistema|new instructions|nuevas instrucciones|hidden instructions?|instrucciones ocultas|updated instructions|instrucciones actualizadas)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SystemTerms();

    [GeneratedRegex(@"(^|\n)[ \t>*#-]*(system|assistant|developer|sistema|asistente|evaluador|grader)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex RoleTag();

    [GeneratedRegex(@"<\|[a-z_]+\|>|\[/?(inst|system|sys)\]|<</?sys>>|#{2,}\s*(instruction|instrucci\w*|system|sistema|assistant|asistente|verdict|veredicto)", RegexOptions.CultureInvariant)]
    private static partial Regex ChatTemplateTag();

    [GeneratedRegex(@"<<<\s*/?\s*(end|fin|answer|respuesta|system|sistema|instruc\w*|question|pregunta)|</?\s*(answer|respuesta|question|pregunta|system|instructions?|instrucciones|rubric\w*|prompt|candidate_answer|user|assistant|key_points)\b[^>]*>|\b(end|fin)\s*(of\s*)?(the\s*)?(answer|respuesta)\b[^\n]{0,20}>>>", RegexOptions.CultureInvariant)]
    private static partial Regex FakeDelimiter();

    [GeneratedRegex(@"\b(end of (the )?(candidate'?s? )?(answer|response)|end answer|fin de (la )?respuesta|final de la respuesta|answer ends here|la respuesta termina aqui)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FakeAnswerEnd();

    [GeneratedRegex(@"<!--[\s\S]*?(-->|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<\s*(script|style|system|instructions?|prompt|iframe|template)\b[\s\S]*?(<\s*/\s*\1\s*>|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenElement();

    // A verdict's keys: key points, a status with a verdict's value, or a top score. A config's "status": "FINISHED" is not one.
    [GeneratedRegex(@"[""'](key_?points|verdict|veredicto)[""']\s*:|[""']status[""']\s*:\s*[""'](covered|partial|missing|cubierto|parcial|ausente)|[""'](score|puntuacion|nota|grade)[""']\s*:\s*[""']?(100|10)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VerdictKey();
}
