using System.Collections.Frozen;
using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// The segments of an answer (text between commas, semicolons, line breaks, sentence ends) that name rubric terms and
/// say nothing of their own: list items ("deriva del modelo", "monitorización de métricas"), a short lead-in before a
/// term ("Conviene recordar la deriva."), and filler sentences built from one repeated template around a term ("Hablo de
/// deriva. Hablo de monitorización. Hablo de versionado.").
/// </summary>
/// <remarks>
/// A segment is bare when it has at most <see cref="MaxWords"/> content words, all but one of them rubric words, and
/// names at most two of the rubric's concepts. Template words do not count: a content word outside the rubric that
/// recurs in at least <see cref="TemplateMinSegments"/> segments naming rubric terms ("tener en cuenta", "important
/// thing") frames the terms rather than saying something about them. Up to <see cref="MaxLeadIn"/> words before the
/// first rubric word and none after it are a lead-in when the question's own texts never use them; when at least
/// <see cref="TemplateMinSegments"/> segments have one, they count as bare too. A clause that relates three concepts
/// ("versionar datos da reproducibilidad") or has words of its own about a term is not bare, and neither is prose with
/// a repeated subject ("El modelo se despliega... El modelo se monitoriza...") whose sentences each add their own
/// content words.
/// </remarks>
internal static class BareSegments
{
    private const int MaxWords = 4;
    private const int MaxLeadIn = 2;
    private const int TemplateMinSegments = 3;

    // Folded forms: "y", "e", "o", "u", "ni" and "and", "or", "nor".
    private static readonly FrozenSet<string> Coordinators = FrozenSet.ToFrozenSet(["y", "e", "o", "u", "ni", "and", "or", "nor"], StringComparer.Ordinal);

    // Every answer of the hot grading path goes through here: the working collections are kept per thread, not allocated each time.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// For each token of the loaded answer, whether it stands in a bare segment, or in an item of a list joined by
    /// conjunctions ("monitorización y deriva y umbral y ...": at least <see cref="TemplateMinSegments"/> items in one
    /// segment that are rubric terms and nothing else; clauses joined so, "the water would be in the air and the solid
    /// would be in the container", have words of their own).
    /// </summary>
    public static bool[] Find(AnswerMatch match)
    {
        var tokens = match.Tokens;
        var bareTokens = new bool[tokens.Count];
        if (tokens.Count == 0)
        {
            return bareTokens;
        }
        var segments = tokens[tokens.Count - 1].Segment + 1;
        var bareSegments = Bare(match, unitOf: null, segments, termsOnly: false);
        var itemOf = JoinedItems(tokens, out var items);
        var bareItems = itemOf is null ? null : Bare(match, itemOf, items, termsOnly: true);
        var bareItemsPerSegment = new int[segments];
        for (var t = 0; t < tokens.Count; t++)
        {
            if (bareItems is not null && bareItems[itemOf![t]] && (t == 0 || itemOf[t] != itemOf[t - 1]))
            {
                bareItemsPerSegment[tokens[t].Segment]++;
            }
        }
        for (var t = 0; t < tokens.Count; t++)
        {
            bareTokens[t] = bareSegments[tokens[t].Segment]
                || (bareItems is not null && bareItems[itemOf![t]] && bareItemsPerSegment[tokens[t].Segment] >= TemplateMinSegments);
        }
        return bareTokens;
    }

    /// <summary>
    /// Each token's item when segments are also cut at conjunctions, numbered from 0 in text order; null when no segment
    /// has two conjunctions (and so no list of three joined items).
    /// </summary>
    private static int[]? JoinedItems(TokenList tokens, out int items)
    {
        var item = 0;
        var joined = false;
        var conjunctions = 0;
        for (var t = 1; t < tokens.Count; t++)
        {
            if (tokens[t].Segment != tokens[t - 1].Segment)
            {
                conjunctions = 0;
            }
            else if (!tokens[t].IsPart && Coordinators.Contains(tokens[t].Term.Folded) && ++conjunctions >= 2)
            {
                joined = true;
                break;
            }
        }
        if (!joined)
        {
            items = 0;
            return null;
        }
        var itemOf = new int[tokens.Count];
        for (var t = 1; t < tokens.Count; t++)
        {
            if (tokens[t].Segment != tokens[t - 1].Segment || (!tokens[t].IsPart && Coordinators.Contains(tokens[t].Term.Folded)))
            {
                item++;
            }
            itemOf[t] = item;
        }
        items = item + 1;
        return itemOf;
    }

    /// <summary>
    /// For each unit (segments, or the items of <see cref="JoinedItems"/> when <paramref name="unitOf"/> gives each token's),
    /// whether it is bare; with <paramref name="termsOnly"/>, only when it has no word of its own.
    /// </summary>
    private static bool[] Bare(AnswerMatch match, int[]? unitOf, int segments, bool termsOnly)
    {
        var tokens = match.Tokens;
        var vocabulary = match.Question.Vocabulary;
        var words = new int[segments];
        var others = new int[segments];
        // Content words outside the rubric that come after the segment's first rubric word, and those the question's own texts use.
        var after = new int[segments];
        var topical = new int[segments];
        var named = new HashSet<int>[segments];
        // The content words outside the rubric, as (segment, token), in text order.
        var scratch = t_scratch ??= new Scratch();
        var otherWords = scratch.OtherWords;
        otherWords.Clear();
        var word = -1;
        var rubric = false;
        for (var t = 0; t <= tokens.Count; t++)
        {
            // A compound ("ci/cd") is one word: a rubric word when it or one of its pieces is.
            if (t == tokens.Count || !tokens[t].IsPart)
            {
                if (word >= 0 && !tokens[word].Term.IsStopWord)
                {
                    var segment = unitOf?[word] ?? tokens[word].Segment;
                    words[segment]++;
                    if (!rubric)
                    {
                        others[segment]++;
                        otherWords.Add((segment, word));
                        if (named[segment] is not null)
                        {
                            after[segment]++;
                        }
                        if (match.Question.IsTopicWord(tokens[word].Term))
                        {
                            topical[segment]++;
                        }
                    }
                }
                if (t == tokens.Count)
                {
                    break;
                }
                word = t;
                rubric = false;
            }
            foreach (var id in tokens[t].Matches)
            {
                if (!vocabulary[id].IsStopWord)
                {
                    rubric = true;
                    (named[unitOf?[t] ?? tokens[t].Segment] ??= []).Add(id);
                }
            }
        }

        var template = TemplateWords(match, otherWords, words, others, scratch.SegmentsWithKey);
        var bare = new bool[segments];
        var leadIns = new bool[segments];
        var leadInCount = 0;
        for (var segment = 0; segment < segments; segment++)
        {
            var own = others[segment] - template[segment];
            var leadIn = !termsOnly && own > 1 && own <= MaxLeadIn && after[segment] == 0 && topical[segment] == 0;
            if (others[segment] == words[segment] || words[segment] - template[segment] > MaxWords || (own > (termsOnly ? 0 : 1) && !leadIn)
                || ConceptsNamed(match.Question, named[segment]) > 2)
            {
                continue;
            }
            bare[segment] = !leadIn;
            leadIns[segment] = leadIn;
            leadInCount += leadIn ? 1 : 0;
        }
        // One sentence that opens with a few words before a term is just a sentence; a run of them, in words the question
        // never uses ("conviene recordar", "es clave", "cabe mencionar"), is filler.
        if (leadInCount >= TemplateMinSegments)
        {
            for (var segment = 0; segment < segments; segment++)
            {
                bare[segment] |= leadIns[segment];
            }
        }
        return bare;
    }

    /// <summary>
    /// Per segment, how many of its content words outside the rubric are template words: a word (by any of its match
    /// keys: folded form or stems) found in at least <see cref="TemplateMinSegments"/> segments that name rubric terms.
    /// </summary>
    private static int[] TemplateWords(AnswerMatch match, List<(int Segment, int Token)> otherWords, int[] words, int[] others, Dictionary<int, (int Last, int Count)> segmentsWithKey)
    {
        var template = new int[words.Length];
        segmentsWithKey.Clear();
        foreach (var (segment, token) in otherWords)
        {
            if (others[segment] == words[segment])
            {
                continue;
            }
            foreach (var key in match.Tokens[token].Term.Keys)
            {
                if (!segmentsWithKey.TryGetValue(key, out var seen))
                {
                    segmentsWithKey[key] = (segment, 1);
                }
                else if (seen.Last != segment)
                {
                    segmentsWithKey[key] = (segment, seen.Count + 1);
                }
            }
        }
        foreach (var (segment, token) in otherWords)
        {
            foreach (var key in match.Tokens[token].Term.Keys)
            {
                if (segmentsWithKey.GetValueOrDefault(key).Count >= TemplateMinSegments)
                {
                    template[segment]++;
                    break;
                }
            }
        }
        return template;
    }

    /// <summary>How many of the rubric's concepts have a phrase whose every content word is among <paramref name="words"/>.</summary>
    private static int ConceptsNamed(CompiledQuestion question, HashSet<int>? words)
    {
        if (words is null)
        {
            return 0;
        }
        var named = 0;
        foreach (var keyPoint in question.KeyPoints)
        {
            foreach (var concept in keyPoint.Concepts)
            {
                foreach (var phrase in concept.Phrases)
                {
                    if (AllContentWordsIn(question, phrase.Words, words))
                    {
                        named++;
                        break;
                    }
                }
            }
        }
        return named;
    }

    /// <summary>Whether <paramref name="phrase"/> has content words and <paramref name="words"/> holds every one of them.</summary>
    private static bool AllContentWordsIn(CompiledQuestion question, int[] phrase, HashSet<int> words)
    {
        var any = false;
        foreach (var w in phrase)
        {
            if (question.Vocabulary[w].IsStopWord)
            {
                continue;
            }
            if (!words.Contains(w))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    private sealed class Scratch
    {
        public List<(int Segment, int Token)> OtherWords { get; } = [];

        public Dictionary<int, (int Last, int Count)> SegmentsWithKey { get; } = [];
    }
}
