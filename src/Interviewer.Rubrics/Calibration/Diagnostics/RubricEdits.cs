using System.Globalization;
using System.Text.RegularExpressions;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Diagnostics;

/// <summary>
/// Applies <see cref="RubricSuggestion"/>s: to an in-memory copy of the rubric (for a what-if), or to the YAML files
/// themselves as plain, minimal edits that keep comments and layout and bump the bank's version.
/// </summary>
public static partial class RubricEdits
{
    /// <summary>Applies the suggestions to copies of the questions; suggestions that do not fit are returned with why.</summary>
    /// <param name="questions">The questions graded (bank and drafted), by id.</param>
    /// <param name="suggestions">The edits to apply.</param>
    public static (IReadOnlyDictionary<string, Question> Questions, IReadOnlyList<RubricSuggestion> Applied, IReadOnlyList<CalibrationProblemEntry> Rejected) Apply(
        IReadOnlyDictionary<string, Question> questions, IEnumerable<RubricSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(suggestions);
        var edited = questions.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var applied = new List<RubricSuggestion>();
        var rejected = new List<CalibrationProblemEntry>();
        foreach (var suggestion in suggestions)
        {
            if (Check(edited, suggestion) is { } problem)
            {
                rejected.Add(new CalibrationProblemEntry(0, $"{suggestion.Id}: {problem}"));
                continue;
            }
            var question = edited[suggestion.QuestionId];
            edited[suggestion.QuestionId] = question with
            {
                KeyPoints = question.KeyPoints.Select(k => k.Id != suggestion.KeyPointId ? k : Edit(k, suggestion)).ToList(),
            };
            applied.Add(suggestion);
        }
        return (edited, applied, rejected);
    }

    /// <summary>Why a suggestion cannot be applied to these questions, or null when it can.</summary>
    public static string? Check(IReadOnlyDictionary<string, Question> questions, RubricSuggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(suggestion);
        if (!questions.TryGetValue(suggestion.QuestionId, out var question))
        {
            return $"unknown question '{suggestion.QuestionId}'";
        }
        if (question.KeyPoints.FirstOrDefault(k => k.Id == suggestion.KeyPointId) is not { } keyPoint)
        {
            return $"question '{question.Id}' has no key point '{suggestion.KeyPointId}'";
        }
        return suggestion.Kind switch
        {
            RubricSuggestion.AddPhrase when string.IsNullOrWhiteSpace(suggestion.Phrase) => "addPhrase needs a phrase",
            RubricSuggestion.AddPhrase when suggestion.Phrase!.Length > 200 || suggestion.Phrase.Contains('\n', StringComparison.Ordinal) => "a phrase is one line of at most 200 characters",
            RubricSuggestion.AddPhrase when suggestion.ConceptIndex is not { } index || index < 0 || index >= keyPoint.Concepts.Count =>
                $"key point '{keyPoint.Id}' has concepts 0..{keyPoint.Concepts.Count - 1}; conceptIndex {suggestion.ConceptIndex?.ToString(CultureInfo.InvariantCulture) ?? "is missing"}",
            RubricSuggestion.AddPhrase => null,
            RubricSuggestion.SetWeight when suggestion.Weight is not { } weight || !double.IsFinite(weight) || weight <= 0 || weight > 1000 => "setWeight needs a weight greater than 0 (at most 1000)",
            RubricSuggestion.SetWeight => null,
            _ => $"unknown kind '{suggestion.Kind}' (addPhrase or setWeight)",
        };
    }

    private static KeyPoint Edit(KeyPoint keyPoint, RubricSuggestion suggestion) => suggestion.Kind == RubricSuggestion.SetWeight
        ? keyPoint with { Weight = suggestion.Weight!.Value }
        : keyPoint with
        {
            Concepts = keyPoint.Concepts.Select((c, i) => i != suggestion.ConceptIndex || c.Phrases.Contains(suggestion.Phrase!.Trim(), StringComparer.OrdinalIgnoreCase)
                ? c
                : c with { Phrases = [.. c.Phrases, suggestion.Phrase!.Trim()] }).ToList(),
        };

    /// <summary>
    /// Edits a bank's YAML files in place (point it at a copy to try them): each phrase joins its concept's line,
    /// each weight replaces the key point's <c>weight:</c>, and <c>bank.yaml</c>'s version goes up by one.
    /// Returns the files changed. Suggestions on questions without a file (drafted) are skipped: write those with <see cref="Drafting.RubricWriter.QuestionYaml"/>.
    /// </summary>
    /// <exception cref="RubricLoadException">The edited bank does not load (every problem listed).</exception>
    public static IReadOnlyList<string> ApplyToFiles(string bankDirectory, IEnumerable<RubricSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var bank = BankLoader.LoadOrThrow(bankDirectory);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in suggestions.GroupBy(s => s.QuestionId, StringComparer.Ordinal))
        {
            if (bank.FindQuestion(group.Key) is not { Source: { } source } question)
            {
                continue;
            }
            var lines = File.ReadAllLines(source.File).ToList();
            // Edit from the bottom up so that earlier line numbers stay valid.
            foreach (var suggestion in group.OrderByDescending(s => LineOf(question, s)))
            {
                if (Check(bank.Questions.ToDictionary(q => q.Id), suggestion) is not null)
                {
                    continue;
                }
                var keyPoint = question.KeyPoints.First(k => k.Id == suggestion.KeyPointId);
                if (suggestion.Kind == RubricSuggestion.AddPhrase)
                {
                    AddPhraseLine(lines, keyPoint.Concepts[suggestion.ConceptIndex!.Value], suggestion.Phrase!.Trim());
                }
                else
                {
                    SetWeightLine(lines, keyPoint, suggestion.Weight!.Value);
                }
            }
            File.WriteAllText(source.File, string.Join('\n', lines) + "\n");
            changed.Add(source.File);
        }
        if (changed.Count > 0)
        {
            changed.Add(BankVersion.Bump(bankDirectory, bank.Version));
        }
        BankLoader.LoadOrThrow(bankDirectory);
        return changed.ToList();
    }

    private static int LineOf(Question question, RubricSuggestion suggestion) =>
        question.KeyPoints.FirstOrDefault(k => k.Id == suggestion.KeyPointId) is { } keyPoint
            ? suggestion.Kind == RubricSuggestion.AddPhrase && suggestion.ConceptIndex is { } i && i >= 0 && i < keyPoint.Concepts.Count
                ? keyPoint.Concepts[i].Source?.Line ?? 0
                : keyPoint.Source?.Line ?? 0
            : 0;

    private static void AddPhraseLine(List<string> lines, Concept concept, string phrase)
    {
        if (concept.Source is not { } source || concept.Phrases.Contains(phrase, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }
        var index = source.Line - 1;
        var line = lines[index];
        var close = line.LastIndexOf(']');
        if (line.Contains('[', StringComparison.Ordinal) && close > 0)
        {
            lines[index] = string.Concat(line.AsSpan(0, close).TrimEnd(), ", ", Quote(phrase), line.AsSpan(close));
            return;
        }
        if (index > 0 && lines[index - 1].Trim() == "-")
        {
            // A block list ("-" then one "- phrase" line per phrase): the concept's line is its first phrase.
            var phraseIndent = line.Length - line.TrimStart().Length;
            var end = index;
            while (end + 1 < lines.Count && lines[end + 1].Length - lines[end + 1].TrimStart().Length == phraseIndent && lines[end + 1].TrimStart().StartsWith('-'))
            {
                end++;
            }
            lines.Insert(end + 1, $"{line[..phraseIndent]}- {Quote(phrase)}");
            return;
        }
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var rest = dash >= 0 ? line[(dash + 1)..].Trim() : string.Empty;
        if (rest.Length > 0)
        {
            // A one-phrase concept written as a scalar becomes a flow list.
            lines[index] = $"{line[..(dash + 1)]} [{rest}, {Quote(phrase)}]";
            return;
        }
        // A block list: the phrases are the following, deeper "- " lines.
        var indent = line.Length - line.TrimStart().Length;
        var last = index;
        while (last + 1 < lines.Count && lines[last + 1].Length - lines[last + 1].TrimStart().Length > indent && lines[last + 1].TrimStart().StartsWith('-'))
        {
            last++;
        }
        var itemIndent = last > index ? lines[last][..(lines[last].Length - lines[last].TrimStart().Length)] : new string(' ', indent + 2);
        lines.Insert(last + 1, $"{itemIndent}- {Quote(phrase)}");
    }

    private static void SetWeightLine(List<string> lines, KeyPoint keyPoint, double weight)
    {
        if (keyPoint.Source is not { } source)
        {
            return;
        }
        var start = source.Line - 1;
        var itemIndent = lines[start].Length - lines[start].TrimStart().Length;
        var formatted = weight.ToString(CultureInfo.InvariantCulture);
        for (var i = start; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart();
            var indent = lines[i].Length - trimmed.Length;
            if (i > start && trimmed.Length > 0 && indent <= itemIndent)
            {
                break;
            }
            var match = WeightLine().Match(lines[i]);
            if (match.Success)
            {
                lines[i] = $"{match.Groups[1].Value}{formatted}{match.Groups[2].Value}";
                return;
            }
        }
        var keyIndent = lines[start].IndexOf("id:", StringComparison.Ordinal);
        lines.Insert(start + 1, $"{new string(' ', Math.Max(keyIndent, itemIndent + 2))}weight: {formatted}");
    }

    /// <summary>A YAML scalar for a phrase: plain when safe, double-quoted otherwise.</summary>
    internal static string Quote(string phrase)
    {
        var plain = phrase.Length > 0 && !PlainUnsafe().IsMatch(phrase) && phrase.Trim() == phrase
            && !bool.TryParse(phrase, out _) && !double.TryParse(phrase, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && phrase is not ("null" or "~" or "yes" or "no" or "on" or "off");
        return plain ? phrase : "\"" + phrase.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex(@"[,\[\]{}#&*!|>'""%@`:?]|^-")]
    private static partial Regex PlainUnsafe();

    [GeneratedRegex(@"^(\s*(?:-\s+)?weight:\s*)[^#\s]+(.*)$")]
    private static partial Regex WeightLine();
}
