using Interviewer.Rubrics.Loading;

namespace Interviewer.Rubrics.Tests.Loading;

public sealed class BankLoaderTests
{
    [Fact]
    public void Load_ValidBank_ReadsEveryField()
    {
        using var bank = new TempBank();

        var result = BankLoader.Load(bank.Directory);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var loaded = result.Bank!;
        Assert.Equal(("test-bank", "Test bank", "es", 1), (loaded.Id, loaded.Title, loaded.Language, loaded.Version));
        Assert.Equal(["basics", "extra"], loaded.Categories.Select(c => c.Id));
        Assert.False(loaded.FindCategory("extra")!.InDefaultPlan);
        var question = Assert.Single(loaded.Questions);
        Assert.Equal("¿Qué es la deriva?", question.Text);
        var keyPoint = Assert.Single(question.KeyPoints);
        Assert.Equal(2, keyPoint.Weight);
        Assert.Equal(["datos de producción", "production data"], keyPoint.Concepts[1].Phrases);
        Assert.Equal("¿Qué pasa cuando cambian los datos?", keyPoint.FollowUp);
        Assert.Equal(new Model.SourceLocation(bank.QuestionFile("drift.yaml"), 7), keyPoint.Source);
    }

    [Fact]
    public void Load_WithoutBankYaml_ReportsItMissing()
    {
        using var bank = new TempBank(bankYaml: null);

        var result = BankLoader.Load(bank.Directory);

        Assert.Null(result.Bank);
        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("bank.yaml", problem.File, StringComparison.Ordinal);
        Assert.Contains("missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedBankYaml_ReportsFileAndLine()
    {
        using var bank = new TempBank("id: test-bank\ntitle: [unclosed\nlanguage: es\n");

        var result = BankLoader.Load(bank.Directory);

        Assert.Null(result.Bank);
        var problem = result.Problems.First(p => p.File.EndsWith("bank.yaml", StringComparison.Ordinal));
        Assert.Contains("malformed YAML", problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Line, 2, 4);
    }

    [Fact]
    public void Load_DuplicateQuestionIds_NamesBothPlaces()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml),
            ("drift-copy.yaml", TempBank.ValidQuestionYaml.Replace("id: drift\n", "id: drift-copy\n", StringComparison.Ordinal)));

        var result = BankLoader.Load(bank.Directory);

        // Same key point id in both files.
        var problem = Assert.Single(result.Problems);
        Assert.Contains("duplicate key point id 'drift-definition'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("drift", problem.Message, StringComparison.Ordinal);
        Assert.Equal(7, problem.Line);
        Assert.Null(result.Bank);
    }

    [Fact]
    public void Load_QuestionIdNotMatchingFileName_IsReported()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml, ("other.yaml", TempBank.ValidQuestionYaml));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(bank.QuestionFile("other.yaml"), problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Contains("must match its file name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownCategory_ListsTheKnownOnes()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml.Replace("category: basics", "category: nope", StringComparison.Ordinal)));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("unknown category 'nope'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("basics, extra", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeyPointWithoutConcepts_IsReported()
    {
        var yaml = TempBank.ValidQuestionYaml
            .Replace("      - [deriva, drift]\n      - [datos de producción, production data]\n", string.Empty, StringComparison.Ordinal)
            .Replace("concepts:", "concepts: []", StringComparison.Ordinal);
        using var bank = new TempBank(TempBank.ValidBankYaml, ("drift.yaml", yaml));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(10, problem.Line);
        Assert.Contains("has no concepts", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Load_WeightNotPositive_IsReported(string weight)
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml.Replace("weight: 2", $"weight: {weight}", StringComparison.Ordinal)));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(9, problem.Line);
        Assert.Contains("weight must be greater than 0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyPhrase_IsReported()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml.Replace("[deriva, drift]", "[deriva, '']", StringComparison.Ordinal)));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(11, problem.Line);
        Assert.Contains("empty phrase", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QuestionWithoutKeyPoints_IsReported()
    {
        var yaml = TempBank.ValidQuestionYaml[..TempBank.ValidQuestionYaml.IndexOf("key_points:", StringComparison.Ordinal)] + "key_points: []\n";
        using var bank = new TempBank(TempBank.ValidBankYaml, ("drift.yaml", yaml));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(6, problem.Line);
        Assert.Contains("at least one key point", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_IsReportedAsLikelyTypo()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml.Replace("follow_up:", "followup:", StringComparison.Ordinal)));

        var problems = BankLoader.Load(bank.Directory).Problems;

        Assert.Contains(problems, p => p.Message.Contains("unknown key 'followup'", StringComparison.Ordinal) && p.Line == 13);
        Assert.Contains(problems, p => p.Message.Contains("'follow_up' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOneAndNoBank()
    {
        var broken = TempBank.ValidQuestionYaml
            .Replace("weight: 2", "weight: 0", StringComparison.Ordinal)
            .Replace("category: basics", "category: nope", StringComparison.Ordinal);
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", broken),
            ("bad.yaml", "id: bad\n  : : nonsense ["));

        var result = BankLoader.Load(bank.Directory);

        Assert.Null(result.Bank);
        Assert.Equal(3, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Matches(@"^.+\.yaml:\d+: .+$", p.ToString()));
    }

    [Fact]
    public void LoadOrThrow_BrokenBank_ThrowsWithEveryProblem()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml.Replace("weight: 2", "weight: 0", StringComparison.Ordinal)));

        var exception = Assert.Throws<RubricLoadException>(() => BankLoader.LoadOrThrow(bank.Directory));

        Assert.Single(exception.Problems);
        Assert.Contains("drift.yaml:9:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BankIdNotMatchingFolder_IsReported()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml.Replace("id: test-bank", "id: other", StringComparison.Ordinal));

        var problem = Assert.Single(BankLoader.Load(bank.Directory).Problems);

        Assert.Equal(1, problem.Line);
        Assert.Contains("must match its folder name 'test-bank'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QuestionsAreOrderedByCategoryThenOrder()
    {
        static string Question(string id, string category, int order) => TempBank.ValidQuestionYaml
            .Replace("id: drift\n", $"id: {id}\norder: {order}\n", StringComparison.Ordinal)
            .Replace("category: basics", $"category: {category}", StringComparison.Ordinal)
            .Replace("drift-definition", $"{id}-definition", StringComparison.Ordinal);
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("a.yaml", Question("a", "extra", 1)),
            ("b.yaml", Question("b", "basics", 2)),
            ("c.yaml", Question("c", "basics", 1)));

        var result = BankLoader.Load(bank.Directory);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["c", "b", "a"], result.Bank!.Questions.Select(q => q.Id));
    }
}
