using System.Globalization;
using System.Text;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Drafting;

/// <summary>
/// Drafts a rubric from a reference answer: each sentence (long sentences: each clause) becomes a key point, and its
/// content words become concepts, with runs of adjacent content words (multi-word terms) kept as one phrase.
/// A draft is a starting point for a reviewer: edit the key points, add synonyms and English or Spanish forms.
/// </summary>
public sealed class RubricDrafter
{
    /// <summary>The category drafted questions get when their source names none.</summary>
    public const string DraftedCategory = "drafted";

    private readonly RubricDraftOptions _options;

    /// <summary>Creates a drafter.</summary>
    /// <param name="options">How to split reference answers; null for the defaults.</param>
    public RubricDrafter(RubricDraftOptions? options = null) => _options = options ?? RubricDraftOptions.Default;

    /// <summary>Drafts the rubric of one question. Deterministic: the same source gives the same question.</summary>
    /// <exception cref="ArgumentException">The question or the reference answer is blank.</exception>
    public Question Draft(DraftSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Question);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.ReferenceAnswer);
        var id = string.IsNullOrWhiteSpace(source.Id) ? Slug(source.Question) : SafeId(source.Id);
        var language = source.Language ?? DetectLanguage(source.ReferenceAnswer + " " + source.Question);
        var spanish = language.StartsWith("es", StringComparison.OrdinalIgnoreCase);
        var reference = source.ReferenceAnswer.Trim();

        var tokens = new TokenList();
        Tokenizer.Tokenize(reference, tokens, TermCache.Shared);
        var questionKeys = ContentKeys(source.Question);
        var keyPoints = new List<KeyPoint>();
        var echoes = new List<Concept>();
        var seenKeys = new HashSet<int>();
        foreach (var clause in Clauses(tokens))
        {
            var concepts = new List<Concept>();
            foreach (var (concept, keys) in Concepts(reference, tokens, clause, seenKeys, _options.MaxTermWords))
            {
                // Words the question already says are worth less: a candidate can echo them without knowing the answer.
                (keys.All(questionKeys.Overlaps) ? echoes : concepts).Add(concept);
            }
            if (concepts.Count > 0)
            {
                keyPoints.Add(new KeyPoint($"{id}-{keyPoints.Count + 1}", ClauseText(reference, tokens, clause), concepts.Count, concepts, FollowUp(concepts, spanish)));
            }
        }
        if (echoes.Count > 0 && (_options.QuestionEchoWeight > 0 || keyPoints.Count == 0))
        {
            var weight = keyPoints.Count == 0 ? echoes.Count : _options.QuestionEchoWeight * echoes.Count;
            var terms = string.Join(", ", echoes.Select(c => c.Phrases[0]));
            keyPoints.Add(new KeyPoint($"{id}-{keyPoints.Count + 1}", spanish ? $"Usa los términos de la pregunta: {terms}." : $"Uses the question's terms: {terms}.",
                weight, echoes, FollowUp(echoes, spanish)));
        }
        if (keyPoints.Count == 0)
        {
            // Only function words: the whole answer is the one phrase to find.
            Concept[] whole = [new Concept([reference])];
            keyPoints.Add(new KeyPoint($"{id}-1", reference, 1, whole, FollowUp(whole, spanish)));
        }
        var evaluates = spanish
            ? "Borrador generado a partir de la respuesta de referencia: revísalo antes de usarlo."
            : "Drafted from the reference answer: review it before use.";
        return new Question(id, source.Category ?? DraftedCategory, source.Question.Trim(), evaluates, reference, keyPoints);
    }

    /// <summary>Drafts every source in order; a repeated id gets a numeric suffix (<c>-2</c>, <c>-3</c>, …) so that ids stay unique.</summary>
    /// <exception cref="ArgumentException">A question or a reference answer is blank.</exception>
    public IReadOnlyList<Question> DraftAll(IEnumerable<DraftSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var questions = new List<Question>();
        foreach (var source in sources)
        {
            var question = Draft(source);
            var id = question.Id;
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{question.Id}-{n}";
            }
            questions.Add(id == question.Id ? question : question with
            {
                Id = id,
                KeyPoints = question.KeyPoints.Select((k, i) => k with { Id = $"{id}-{i + 1}" }).ToList(),
            });
        }
        return questions;
    }

    /// <summary>Guesses whether a text is Spanish (<c>es</c>) or English (<c>en</c>) from its function words.</summary>
    public static string DetectLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new TokenList();
        Tokenizer.Tokenize(text, tokens, TermCache.Shared);
        var spanish = 0;
        var english = 0;
        foreach (var token in tokens.Items)
        {
            if (token.IsPart)
            {
                continue;
            }
            if (StopWords.IsSpanish(token.Term.Folded))
            {
                spanish++;
            }
            else if (StopWords.IsEnglish(token.Term.Folded))
            {
                english++;
            }
        }
        if (text.AsSpan().IndexOfAny("ñ¿¡áéíóú") >= 0)
        {
            spanish++;
        }
        return spanish > english ? "es" : "en";
    }

    /// <summary>An id made of lower-case ASCII letters, digits and dashes (at most 60 characters).</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = TextFolding.Fold(text);
        var slug = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= 60)
            {
                break;
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length > 0 ? result : "question";
    }

    /// <summary>An id as given, with every character other than ASCII letters, digits, '.', '_' and '-' replaced by '-'.</summary>
    public static string SafeId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var safe = new StringBuilder(id.Length);
        foreach (var c in id.Trim())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }
        var result = safe.ToString().Trim('-', '.');
        return result.Length > 0 ? result : "question";
    }

    /// <summary>Token ranges (top-level tokens only) of the sentences, long sentences split at commas and semicolons.</summary>
    private List<List<int>> Clauses(TokenList tokens)
    {
        var sentences = new List<List<int>>();
        var last = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].IsPart)
            {
                continue;
            }
            if (sentences.Count == 0 || tokens[t].Sentence != last)
            {
                sentences.Add([]);
                last = tokens[t].Sentence;
            }
            sentences[^1].Add(t);
        }

        var clauses = new List<List<int>>();
        foreach (var sentence in sentences)
        {
            if (ContentCount(tokens, sentence) <= _options.MaxConceptsPerKeyPoint)
            {
                AddClause(clauses, sentence, tokens);
                continue;
            }
            var segment = new List<int>();
            foreach (var t in sentence)
            {
                if (segment.Count > 0 && tokens[t].Segment != tokens[segment[^1]].Segment)
                {
                    AddClause(clauses, segment, tokens);
                    segment = [];
                }
                segment.Add(t);
            }
            AddClause(clauses, segment, tokens);
        }
        return clauses;
    }

    private void AddClause(List<List<int>> clauses, List<int> clause, TokenList tokens)
    {
        if (clause.Count == 0)
        {
            return;
        }
        // A clause too small to stand alone joins the previous one of its sentence, or the first clause absorbs the next.
        if (clauses.Count > 0 && tokens[clauses[^1][0]].Sentence == tokens[clause[0]].Sentence &&
            (ContentCount(tokens, clause) < _options.MinConceptsPerKeyPoint || ContentCount(tokens, clauses[^1]) < _options.MinConceptsPerKeyPoint))
        {
            clauses[^1].AddRange(clause);
            return;
        }
        clauses.Add([.. clause]);
    }

    private static int ContentCount(TokenList tokens, List<int> clause)
    {
        var count = 0;
        foreach (var t in clause)
        {
            if (!tokens[t].Term.IsStopWord)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The content words' keys of a text, to recognise words a reference answer repeats from its question.</summary>
    private static HashSet<int> ContentKeys(string text)
    {
        var tokens = new TokenList();
        Tokenizer.Tokenize(text, tokens, TermCache.Shared);
        var keys = new HashSet<int>();
        foreach (var token in tokens.Items)
        {
            if (!token.Term.IsStopWord)
            {
                keys.UnionWith(token.Term.Keys);
            }
        }
        return keys;
    }

    /// <summary>One concept per content word (or run of adjacent ones, up to maxTermWords), each with its words' keys; words already used are left out.</summary>
    private static List<(Concept Concept, List<int[]> Keys)> Concepts(string text, TokenList tokens, List<int> clause, HashSet<int> seenKeys, int maxTermWords)
    {
        var concepts = new List<(Concept, List<int[]>)>();
        var run = new List<int>();
        foreach (var t in clause)
        {
            ref var token = ref tokens[t];
            var adjacent = run.Count > 0 && tokens[run[^1]].EndPosition + 1 == token.Position && tokens[run[^1]].Segment == token.Segment;
            if (token.Term.IsStopWord || !adjacent)
            {
                Flush(text, tokens, run, concepts, seenKeys, maxTermWords);
            }
            if (!token.Term.IsStopWord)
            {
                run.Add(t);
            }
        }
        Flush(text, tokens, run, concepts, seenKeys, maxTermWords);
        return concepts;
    }

    private static void Flush(string text, TokenList tokens, List<int> run, List<(Concept, List<int[]>)> concepts, HashSet<int> seenKeys, int maxTermWords)
    {
        if (run.Count == 0)
        {
            return;
        }
        // Drop words already asked for earlier in the question, so no two key points share a phrase.
        var fresh = run.FindAll(t => !tokens[t].Term.Keys.Any(seenKeys.Contains));
        foreach (var t in run)
        {
            foreach (var key in tokens[t].Term.Keys)
            {
                seenKeys.Add(key);
            }
        }
        run.Clear();
        if (fresh.Count == 0)
        {
            return;
        }
        // Runs of adjacent words stay one phrase ("software product"), cut into pieces of at most MaxTermWords.
        var i = 0;
        while (i < fresh.Count)
        {
            var j = i;
            while (j + 1 < fresh.Count && j + 1 - i < maxTermWords && tokens[fresh[j + 1]].Position == tokens[fresh[j]].EndPosition + 1)
            {
                j++;
            }
            var keys = new List<int[]>();
            for (var k = i; k <= j; k++)
            {
                keys.Add(tokens[fresh[k]].Term.Keys);
            }
            concepts.Add((new Concept([text[tokens[fresh[i]].Start..tokens[fresh[j]].End]]), keys));
            i = j + 1;
        }
    }

    private static string ClauseText(string text, TokenList tokens, List<int> clause)
    {
        var start = tokens[clause[0]].Start;
        var end = tokens[clause[^1]].End;
        var clauseText = text[start..end].ReplaceLineEndings(" ").Trim();
        return clauseText.Length > 0 ? char.ToUpper(clauseText[0], CultureInfo.InvariantCulture) + clauseText[1..] : clauseText;
    }

    private static string FollowUp(IReadOnlyList<Concept> concepts, bool spanish)
    {
        var topic = concepts[0].Phrases[0];
        return spanish ? $"¿Puedes profundizar en «{topic}»?" : $"Can you say more about \"{topic}\"?";
    }
}
