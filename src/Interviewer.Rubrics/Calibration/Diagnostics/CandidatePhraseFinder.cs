using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Diagnostics;

/// <summary>
/// Finds phrases (1–3 consecutive content words) frequent in answers humans scored high that no concept of the
/// question matches, and turns the strongest into <see cref="RubricSuggestion"/>s: add the phrase to the concept
/// those answers most often missed.
/// </summary>
public static class CandidatePhraseFinder
{
    /// <summary>Share of the scale at or above which a human score counts as high.</summary>
    public const double HighShare = 0.8;

    /// <summary>Finds candidate phrases per question, best first.</summary>
    /// <param name="answers">Graded answers.</param>
    /// <param name="perQuestion">Most candidates kept per question.</param>
    public static IReadOnlyList<CandidatePhrase> Find(IReadOnlyList<GradedCalibrationAnswer> answers, int perQuestion = 5)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var text = new PhraseText();
        var found = new List<CandidatePhrase>();
        foreach (var group in answers.GroupBy(a => a.Answer.Question.Id, StringComparer.Ordinal))
        {
            var question = group.First().Answer.Question;
            var known = KnownStems(text, question);
            var high = group.Where(IsHigh).ToList();
            var low = group.Where(a => !IsHigh(a)).ToList();
            if (high.Count < 2)
            {
                continue;
            }
            var highCounts = Count(text, high, known);
            var lowCounts = Count(text, low, known);
            var minimum = Math.Max(2, (int)Math.Ceiling(0.15 * high.Count));
            var ranked = highCounts
                .Where(kv => kv.Value.Answers.Count >= minimum)
                .Select(kv =>
                {
                    var lowCount = lowCounts.TryGetValue(kv.Key, out var l) ? l.Answers.Count : 0;
                    var lift = (double)kv.Value.Answers.Count / high.Count - (low.Count == 0 ? 0 : (double)lowCount / low.Count);
                    return (Key: kv.Key, Entry: kv.Value, LowCount: lowCount, Lift: lift);
                })
                .Where(c => c.Lift > 0)
                .OrderByDescending(c => c.Lift)
                .ThenByDescending(c => c.Key.Split(' ').Length)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .ToList();

            var kept = new List<(string Key, PhraseCount Entry, int LowCount, double Lift)>();
            foreach (var candidate in ranked)
            {
                // A phrase inside (or around) one already kept, with about the same support, says nothing new.
                if (kept.Any(k => (k.Key.Contains(candidate.Key, StringComparison.Ordinal) || candidate.Key.Contains(k.Key, StringComparison.Ordinal))
                                  && Math.Abs(k.Entry.Answers.Count - candidate.Entry.Answers.Count) <= Math.Max(1, k.Entry.Answers.Count / 5)))
                {
                    continue;
                }
                kept.Add(candidate);
                if (kept.Count == perQuestion)
                {
                    break;
                }
            }
            found.AddRange(kept.Select(k => new CandidatePhrase(question.Id, k.Entry.Surface, k.Entry.Answers.Count, high.Count, k.LowCount, low.Count,
                k.Entry.Answers.Take(3).ToList())));
        }
        return found;
    }

    /// <summary>
    /// One <c>addPhrase</c> suggestion per candidate: the key point most often not covered in the high-scored answers that use
    /// the phrase, and of its concepts the one those answers most often lack.
    /// </summary>
    public static IReadOnlyList<RubricSuggestion> Suggest(IReadOnlyList<GradedCalibrationAnswer> answers, IReadOnlyList<CandidatePhrase> candidates, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(candidates);
        var text = new PhraseText();
        var byId = answers.GroupBy(a => (a.Answer.Question.Id, a.Answer.AnswerId)).ToDictionary(g => g.Key, g => g.First());
        var suggestions = new List<RubricSuggestion>();
        // Strongest first: how much more often high-scored answers use the phrase, times how many do.
        var ranked = candidates
            .OrderByDescending(c => ((double)c.HighCount / Math.Max(1, c.HighAnswers) - (double)c.LowCount / Math.Max(1, c.LowAnswers)) * c.HighCount)
            .ThenBy(c => c.QuestionId, StringComparer.Ordinal).ThenBy(c => c.Phrase, StringComparer.Ordinal);
        foreach (var candidate in ranked)
        {
            var sources = candidate.ExampleAnswerIds
                .Select(id => byId.GetValueOrDefault((candidate.QuestionId, id)))
                .Where(a => a is not null)
                .Select(a => a!)
                .ToList();
            if (sources.Count == 0)
            {
                continue;
            }
            var question = sources[0].Answer.Question;
            var phraseStems = text.Stems(candidate.Phrase);
            // The key point the phrase is about (its words share stems with the key point's text or phrases) comes first;
            // among equals, the one those answers most often missed.
            var target = question.KeyPoints
                .Select((keyPoint, order) => (keyPoint, order,
                    related: KeyPointStems(text, keyPoint).Count(phraseStems.Contains),
                    missed: sources.Count(s => s.Grade.KeyPoints.FirstOrDefault(g => g.Id == keyPoint.Id)?.Status != KeyPointStatus.Covered)))
                .Where(t => t.missed > 0)
                .OrderByDescending(t => t.related).ThenByDescending(t => t.missed).ThenByDescending(t => t.keyPoint.Weight).ThenBy(t => t.order)
                .Select(t => t.keyPoint)
                .FirstOrDefault();
            if (target is null || target.Concepts.Count == 0)
            {
                continue;
            }
            var concept = target.Concepts
                .Select((c, index) => (index,
                    lacking: sources.Count(s => !ConceptFound(text, c, text.Stems(s.Answer.Answer))),
                    overlap: c.Phrases.Sum(p => text.Stems(p).Count(phraseStems.Contains))))
                .OrderByDescending(t => t.lacking).ThenByDescending(t => t.overlap).ThenBy(t => t.index)
                .First().index;
            suggestions.Add(new RubricSuggestion(
                $"s{suggestions.Count + 1}", RubricSuggestion.AddPhrase, candidate.QuestionId, target.Id, concept, candidate.Phrase, null,
                $"'{candidate.Phrase}' is in {candidate.HighCount} of {candidate.HighAnswers} high-scored answers (and {candidate.LowCount} of {candidate.LowAnswers} others) but no concept matches it; those answers miss key point '{target.Id}'.",
                candidate.ExampleAnswerIds));
            if (suggestions.Count == limit)
            {
                break;
            }
        }
        return suggestions;
    }

    private static bool IsHigh(GradedCalibrationAnswer answer) =>
        answer.Answer.HumanMean >= HighShare * answer.Answer.MaxScore - 1e-9;

    private static bool ConceptFound(PhraseText text, Concept concept, HashSet<string> answerStems) =>
        concept.Phrases.Any(p => text.ContentWords(p) is { Count: > 0 } words && words.All(w => PhraseText.IsIn(w, answerStems)));

    private static HashSet<string> KeyPointStems(PhraseText text, KeyPoint keyPoint)
    {
        var stems = text.Stems(keyPoint.Text);
        foreach (var phrase in keyPoint.Concepts.SelectMany(c => c.Phrases))
        {
            stems.UnionWith(text.Stems(phrase));
        }
        return stems;
    }

    private static HashSet<string> KnownStems(PhraseText text, Question question)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in question.KeyPoints.SelectMany(k => k.Concepts).SelectMany(c => c.Phrases))
        {
            known.UnionWith(text.Stems(phrase));
        }
        return known;
    }

    /// <summary>A phrase's answers, and how it was written: lower case with its accents, as most answers wrote it.</summary>
    private sealed class PhraseCount
    {
        private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);

        // Most frequent spelling; on a tie the one with more accents (answers typed without them are the usual variant).
        public string Surface => _spellings
            .OrderByDescending(s => s.Value).ThenByDescending(s => s.Key.Count(c => c > 127)).ThenBy(s => s.Key, StringComparer.Ordinal)
            .First().Key;

        public List<string> Answers { get; } = [];

        public void Add(string answerId, string spelling)
        {
            Answers.Add(answerId);
            _spellings[spelling] = _spellings.GetValueOrDefault(spelling) + 1;
        }
    }

    private static Dictionary<string, PhraseCount> Count(PhraseText text, IEnumerable<GradedCalibrationAnswer> answers, HashSet<string> known)
    {
        var counts = new Dictionary<string, PhraseCount>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var words = text.ContentWords(answer.Answer.Answer);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var start = 0; start < words.Count; start++)
            {
                for (var length = 1; length <= 3 && start + length <= words.Count; length++)
                {
                    var gram = words.Skip(start).Take(length).ToList();
                    if (gram.All(w => PhraseText.IsIn(w, known)))
                    {
                        continue;
                    }
                    var key = string.Join(' ', gram.Select(w => w.EnglishStem + "/" + w.SpanishStem));
                    if (!seen.Add(key))
                    {
                        continue;
                    }
                    if (!counts.TryGetValue(key, out var entry))
                    {
                        counts[key] = entry = new PhraseCount();
                    }
                    entry.Add(answer.Answer.AnswerId, string.Join(' ', gram.Select(w => w.Surface.ToLowerInvariant())));
                }
            }
        }
        return counts;
    }
}
