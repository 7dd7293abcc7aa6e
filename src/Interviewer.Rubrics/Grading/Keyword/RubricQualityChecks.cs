using System.Globalization;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// Checks a loaded bank against the keyword grader: each model answer must score at least
/// <see cref="MinModelAnswerScore"/> against its own rubric and match at least one phrase of every concept (a concept its
/// own model answer does not match is a rubric bug); no two key points of a question may share a phrase; and every phrase
/// must have a content word to match by. Problems come as <c>file:line: message</c>.
/// </summary>
public static class RubricQualityChecks
{
    /// <summary>The least score a model answer must get against its own question's rubric.</summary>
    public const double MinModelAnswerScore = 90;

    /// <summary>Checks every question of <paramref name="bank"/>, in bank order.</summary>
    /// <param name="bank">A bank that loaded without problems.</param>
    /// <param name="grader">The grader to check with; null for a default <see cref="KeywordGrader"/>.</param>
    public static IReadOnlyList<RubricProblem> Check(QuestionBank bank, KeywordGrader? grader = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        grader ??= new KeywordGrader();
        var problems = new List<RubricProblem>();
        foreach (var question in bank.Questions)
        {
            CheckQuestion(bank, question, grader, problems);
        }
        return problems;
    }

    /// <summary>Checks one question of <paramref name="bank"/>.</summary>
    public static IReadOnlyList<RubricProblem> Check(QuestionBank bank, Question question, KeywordGrader? grader = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(question);
        var problems = new List<RubricProblem>();
        CheckQuestion(bank, question, grader ?? new KeywordGrader(), problems);
        return problems;
    }

    private static void CheckQuestion(QuestionBank bank, Question question, KeywordGrader grader, List<RubricProblem> problems)
    {
        var fallback = question.Source ?? new SourceLocation($"{bank.Id}/{question.Id}", 1);
        var grade = grader.Grade(new GradeRequest(bank, question, question.ModelAnswer));
        if (grade.Score < MinModelAnswerScore)
        {
            var weak = grade.KeyPoints.Where(k => k.Status != KeyPointStatus.Covered)
                .Select(k => $"{k.Id} ({k.Status.ToString().ToLowerInvariant()}, {k.Coverage.ToString("0.##", CultureInfo.InvariantCulture)})");
            Add(problems, fallback,
                $"question '{question.Id}': its model answer scores {grade.Score.ToString("0.#", CultureInfo.InvariantCulture)} against its own rubric " +
                $"(at least {MinModelAnswerScore.ToString(CultureInfo.InvariantCulture)} expected)" +
                (grade.Flags.Count > 0 ? $"; flags: {string.Join(", ", grade.Flags)}" : string.Empty) +
                (weak.Any() ? $"; not covered: {string.Join(", ", weak)}" : string.Empty));
        }

        var compiled = grader.Compile(question);
        var match = AnswerMatch.For(compiled, question.ModelAnswer);
        var owners = new List<(CompiledPhrase Phrase, KeyPoint KeyPoint, Concept Concept)>();
        foreach (var keyPoint in compiled.KeyPoints)
        {
            foreach (var concept in keyPoint.Concepts)
            {
                var where = concept.Concept.Source ?? keyPoint.KeyPoint.Source ?? fallback;
                CheckPhrases(concept, keyPoint.KeyPoint, where, problems);
                var found = false;
                foreach (var phrase in concept.Phrases)
                {
                    found |= phrase.Words.Length > 0 && match.TryFind(phrase.Words, grader.Options.MaxGap, grader.Options.MaxRawGap, out _, out _);
                }
                if (!found)
                {
                    Add(problems, where,
                        $"key point '{keyPoint.KeyPoint.Id}': no phrase of the concept [{string.Join(", ", concept.Concept.Phrases)}] is found in the model answer: " +
                        "add the wording the model answer uses, or fix the model answer");
                }
                foreach (var phrase in concept.Phrases)
                {
                    CheckShared(compiled, phrase, keyPoint.KeyPoint, concept.Concept, owners, where, problems);
                }
            }
        }
    }

    private static void CheckPhrases(CompiledConcept concept, KeyPoint keyPoint, SourceLocation where, List<RubricProblem> problems)
    {
        foreach (var text in concept.Concept.Phrases)
        {
            var compiled = concept.Phrases.Where(p => ReferenceEquals(p.Text, text)).ToList();
            if (compiled.Count == 0 || compiled.TrueForAll(p => p.Words.Length == 0))
            {
                Add(problems, where, $"key point '{keyPoint.Id}': the phrase \"{text}\" has no words, so it never matches");
            }
            else if (compiled.TrueForAll(p => p.OnlyStopWords))
            {
                Add(problems, where, $"key point '{keyPoint.Id}': the phrase \"{text}\" has only function words, so it matches almost any answer");
            }
        }
    }

    private static void CheckShared(CompiledQuestion question, CompiledPhrase phrase, KeyPoint keyPoint, Concept concept,
        List<(CompiledPhrase Phrase, KeyPoint KeyPoint, Concept Concept)> owners, SourceLocation where, List<RubricProblem> problems)
    {
        if (phrase.Words.Length == 0)
        {
            return;
        }
        foreach (var (other, otherKeyPoint, otherConcept) in owners)
        {
            if (!ReferenceEquals(otherKeyPoint, keyPoint) && SameWords(question, phrase, other))
            {
                var at = otherConcept.Source ?? otherKeyPoint.Source;
                Add(problems, where,
                    $"key point '{keyPoint.Id}': the phrase \"{phrase.Text}\" also counts for key point '{otherKeyPoint.Id}' (\"{other.Text}\"{(at is null ? string.Empty : $" at {at}")}): " +
                    "one mention would cover both; keep it in one key point");
                return;
            }
        }
        owners.Add((phrase, keyPoint, concept));
    }

    /// <summary>Two phrases match the same answers when their words pair up, each pair sharing a folded form or a stem.</summary>
    private static bool SameWords(CompiledQuestion question, CompiledPhrase a, CompiledPhrase b)
    {
        if (a.Words.Length != b.Words.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Words.Length; i++)
        {
            var x = question.Vocabulary[a.Words[i]];
            var y = question.Vocabulary[b.Words[i]];
            if (a.Words[i] != b.Words[i] && !x.Keys.AsSpan().ContainsAny(y.Keys))
            {
                return false;
            }
        }
        return true;
    }

    private static void Add(List<RubricProblem> problems, SourceLocation where, string message)
    {
        var problem = new RubricProblem(where.File, where.Line, message);
        if (!problems.Contains(problem))
        {
            problems.Add(problem);
        }
    }
}
