using System.Text;
using Interviewer.Rubrics.Model;

namespace Interviewer.Benchmarks;

/// <summary>
/// Generates realistic answers of about a given length for a bank's questions: sentences of the question's own model
/// answer, of other questions' model answers and of small talk, with some accents dropped, some capitals and a few typos.
/// Deterministic for a seed.
/// </summary>
public sealed class AnswerGenerator
{
    private static readonly string[] SmallTalk =
    [
        "En mi experiencia esto depende mucho del equipo y del contexto.",
        "Lo he visto en varios proyectos y no siempre se hace igual.",
        "Es algo que aprendí a base de cometer errores en producción.",
        "Honestly, I would first ask what the business really needs.",
        "Creo que lo importante es no complicarlo más de lo necesario.",
        "Al final todo se reduce a poder repetir lo que hiciste y explicarlo.",
    ];

    private readonly Random _random;
    private readonly string[][] _ownSentences;
    private readonly string[] _allSentences;

    public AnswerGenerator(QuestionBank bank, int seed)
    {
        ArgumentNullException.ThrowIfNull(bank);
        _random = new Random(seed);
        _ownSentences = bank.Questions.Select(q => Sentences(q.ModelAnswer)).ToArray();
        _allSentences = _ownSentences.SelectMany(s => s).ToArray();
        Bank = bank;
    }

    public QuestionBank Bank { get; }

    /// <summary>An answer of <paramref name="words"/> words to the question at <paramref name="questionIndex"/> (the last sentence is cut short).</summary>
    public string Generate(int questionIndex, int words = 120)
    {
        var answer = new StringBuilder();
        var count = 0;
        var own = _ownSentences[questionIndex];
        while (count < words)
        {
            var roll = _random.NextDouble();
            var sentence = roll < 0.55 && own.Length > 0 ? own[_random.Next(own.Length)]
                : roll < 0.85 ? _allSentences[_random.Next(_allSentences.Length)]
                : SmallTalk[_random.Next(SmallTalk.Length)];
            foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                answer.Append(Perturb(word)).Append(' ');
                if (++count == words)
                {
                    break;
                }
            }
        }
        return answer.ToString().TrimEnd();
    }

    private string Perturb(string word)
    {
        var roll = _random.NextDouble();
        if (roll < 0.08)
        {
            return Interviewer.Rubrics.Text.TextFolding.Fold(word);
        }
        if (roll < 0.10 && word.Length >= 8)
        {
            var at = _random.Next(1, word.Length - 1);
            return string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1));
        }
        return roll < 0.12 ? word.ToUpperInvariant() : word;
    }

    private static string[] Sentences(string text) =>
        text.ReplaceLineEndings(" ").Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.EndsWith('.') ? s : s + ".").ToArray();
}
