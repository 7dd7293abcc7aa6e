using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Exemplars;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Tabular;
using Interviewer.Rubrics.Tests.Loading;

namespace Interviewer.Rubrics.Tests.Exemplars;

public sealed class ExemplarFilesTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static IReadOnlyList<CalibrationRow> Rows(string jsonl) =>
        CalibrationRows.ReadExpanded(TabularReader.Read(new StringReader(jsonl), TabularFormat.JsonLines).ToList()).Rows;

    [Fact]
    public void Import_ReviewerExport_WritesOneFilePerQuestionAndBumpsTheVersion()
    {
        using var bank = new TempBank();
        // The shape GET /api/reviews?format=jsonl writes.
        var rows = Rows("""
            {"answer_id": "s1-t2", "question_id": "drift", "answer": "La deriva cambia los datos.", "score": 80, "max_score": 100, "rater": "ana"}
            {"answer_id": "s1-t2", "question_id": "drift", "answer": "La deriva cambia los datos.", "score": 60, "max_score": 100, "rater": "luis"}
            {"answer_id": "s2-t1", "question": "¿Qué es la deriva?", "answer": "Ni idea.", "score": 0, "max_score": 100, "rater": "ana"}
            {"answer_id": "s3-t1", "question_id": "nope", "answer": "x", "score": 1, "max_score": 100}
            """);

        var imported = ExemplarFiles.Import(bank.Directory, rows, "reviews.jsonl", Day);

        Assert.Equal((2, 0, 2), (imported.Added, imported.Replaced, imported.Version));
        var problem = Assert.Single(imported.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("unknown question id 'nope'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(
            [
                """{"id":"s1-t2","answer":"La deriva cambia los datos.","score":70,"max_score":100,"rater":"ana, luis","source":"reviews.jsonl","added":"2026-12-01"}""",
                """{"id":"s2-t1","answer":"Ni idea.","score":0,"max_score":100,"rater":"ana","source":"reviews.jsonl","added":"2026-12-01"}""",
            ],
            File.ReadAllLines(Path.Combine(bank.Directory, "exemplars", "drift.jsonl")));
        var loaded = BankLoader.LoadOrThrow(bank.Directory);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(2, loaded.FindQuestion("drift")!.Exemplars.Count);
    }

    [Fact]
    public void Import_SameRowsAgain_ReplacesInsteadOfAddingCopies()
    {
        using var bank = new TempBank();
        const string jsonl = """{"question_id": "drift", "answer": "La deriva.", "score": 3, "max_score": 5}""";
        ExemplarFiles.Import(bank.Directory, Rows(jsonl), "a.csv", Day);

        var again = ExemplarFiles.Import(bank.Directory, Rows(jsonl), "a.csv", Day);

        Assert.Equal((0, 1, 3), (again.Added, again.Replaced, again.Version));
        var exemplar = Assert.Single(BankLoader.LoadOrThrow(bank.Directory).FindQuestion("drift")!.Exemplars);
        Assert.StartsWith("x", exemplar.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NothingUsable_LeavesTheBankAsItWas()
    {
        using var bank = new TempBank();

        var imported = ExemplarFiles.Import(bank.Directory, Rows("""{"question_id": "nope", "answer": "x", "score": 1}"""), "a", Day);

        Assert.Equal((0, 0, 1), (imported.Added, imported.Replaced, imported.Version));
        Assert.False(Directory.Exists(Path.Combine(bank.Directory, "exemplars")));
    }

    [Fact]
    public void Remove_ById_DeletesEmptyFilesBumpsTheVersionAndNamesUnknownIds()
    {
        using var bank = new TempBank();
        bank.WriteExemplars("drift", """{"id": "e1", "answer": "Bien.", "score": 4, "max_score": 5}""");

        var removal = ExemplarFiles.Remove(bank.Directory, ["e1", "e7"]);

        Assert.Equal(["e1"], removal.Removed);
        Assert.Equal(["e7"], removal.Unknown);
        Assert.Equal(2, removal.Version);
        Assert.False(File.Exists(Path.Combine(bank.Directory, "exemplars", "drift.jsonl")));
        Assert.Empty(BankLoader.LoadOrThrow(bank.Directory).FindQuestion("drift")!.Exemplars);
    }
}
