using Interviewer.Rubrics.Loading;

namespace Interviewer.Rubrics.Tests.Loading;

public sealed class ExemplarLoaderTests
{
    [Fact]
    public void Load_WithExemplars_AttachesThemToTheirQuestion()
    {
        using var bank = new TempBank();
        bank.WriteExemplars("drift",
            """{"id": "e1", "answer": "La deriva es el cambio de los datos.", "score": 4, "max_score": 5, "rater": "ana", "source": "review", "added": "2026-12-01"}""",
            "",
            """{"id": "e2", "answer": "No lo sé.", "score": 10}""");

        var loaded = BankLoader.LoadOrThrow(bank.Directory);

        var exemplars = loaded.FindQuestion("drift")!.Exemplars;
        Assert.Equal(["e1", "e2"], exemplars.Select(e => e.Id));
        Assert.Equal((4.0, 5.0, "ana", "review", "2026-12-01"), (exemplars[0].Score, exemplars[0].MaxScore, exemplars[0].Rater, exemplars[0].Source, exemplars[0].Added));
        Assert.Equal(100, exemplars[1].MaxScore);
        Assert.Equal(0.1, exemplars[1].Normalized, 10);
        Assert.Equal(3, exemplars[1].Location!.Line);
    }

    [Fact]
    public void Load_WithoutExemplarsFolder_GivesQuestionsNone()
    {
        using var bank = new TempBank();

        Assert.Empty(BankLoader.LoadOrThrow(bank.Directory).FindQuestion("drift")!.Exemplars);
    }

    [Fact]
    public void Load_BadExemplars_ReportsEachAtItsFileAndLine()
    {
        using var bank = new TempBank();
        var file = bank.WriteExemplars("drift",
            """{"id": "e1", "answer": "Bien.", "score": 4, "max_score": 5}""",
            """{"id": "e2", "answer": "Demasiado.", "score": 6, "max_score": 5}""",
            """{"id": "e3", "answer": "   ", "score": 1, "max_score": 5}""",
            """{"id": "e1", "answer": "Otra vez e1.", "score": 2, "max_score": 5}""",
            """not json""",
            """{"id": "e5", "answer": "Campo raro.", "score": 2, "max_score": 5, "nota": "x"}""");
        var unknown = bank.WriteExemplars("no-such-question", """{"id": "e9", "answer": "x", "score": 1}""");

        var result = BankLoader.Load(bank.Directory);

        Assert.Null(result.Bank);
        var messages = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith($"{file}:2: exemplar: score 6 is outside 0..5", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{file}:3: exemplar: 'answer' is missing or empty", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{file}:4: duplicate exemplar id 'e1' (also at {file}:1)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{file}:5: exemplar: not valid JSON", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{file}:6: exemplar: unknown field 'nota'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{unknown}:1: exemplars for unknown question 'no-such-question'", StringComparison.Ordinal));
        Assert.Equal(6, result.Problems.Count);
    }
}
