using Interviewer.Rubrics.Loading;

namespace Interviewer.Rubrics.Tests.Loading;

public sealed class BankCatalogTests
{
    [Fact]
    public void Load_Root_FindsEveryBankFolder()
    {
        using var bank = new TempBank();

        var catalog = BankCatalog.Load(bank.Root);

        Assert.Equal("test-bank", Assert.Single(catalog.Banks).Id);
        Assert.NotNull(catalog.Find("test-bank"));
        Assert.Null(catalog.Find("nope"));
    }

    [Fact]
    public void Load_SingleBankFolder_IsAccepted()
    {
        using var bank = new TempBank();

        var catalog = BankCatalog.Load(bank.Directory);

        Assert.Single(catalog.Banks);
    }

    [Fact]
    public void Load_MissingFolder_Throws()
    {
        var exception = Assert.Throws<RubricLoadException>(() => BankCatalog.Load("/nonexistent/rubrics"));

        Assert.Contains("folder not found", Assert.Single(exception.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_BrokenBank_ReturnsProblemsWithoutThrowing()
    {
        using var bank = new TempBank(TempBank.ValidBankYaml,
            ("drift.yaml", TempBank.ValidQuestionYaml.Replace("weight: 2", "weight: -3", StringComparison.Ordinal)));

        var (banks, problems) = BankCatalog.LoadAll(bank.Root);

        Assert.Empty(banks);
        Assert.Single(problems);
    }
}
