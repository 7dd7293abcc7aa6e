using Interviewer.Rubrics.Loading;

namespace Interviewer.Rubrics.Tests.Loading;

public sealed class BankResolutionTests
{
    [Fact]
    public void Resolve_NamedBank_IsFound_WhiteSpaceIgnored()
    {
        using var bank = new TempBank();

        var resolution = BankCatalog.Load(bank.Root).Resolve(" test-bank ");

        Assert.Equal("test-bank", resolution.Bank?.Id);
        Assert.Null(resolution.Error);
    }

    [Fact]
    public void Resolve_UnknownBank_NamesItAndTheBanksThatExist()
    {
        using var bank = new TempBank();

        var resolution = BankCatalog.Load(bank.Root).Resolve("nope");

        Assert.True(resolution.IsUnknown);
        Assert.Equal("unknown bank 'nope'; banks: test-bank", resolution.Error);
    }

    [Fact]
    public void Resolve_NothingNamed_IsTheOnlyBank()
    {
        using var bank = new TempBank();

        Assert.Equal("test-bank", BankCatalog.Load(bank.Root).Resolve(null).Bank?.Id);
    }

    [Fact]
    public void Resolve_NothingNamed_UsesTheDefaultWhenGiven()
    {
        using var bank = new TempBank();

        var resolution = BankCatalog.Load(bank.Root).Resolve("", defaultId: "other");

        Assert.True(resolution.IsUnknown);
        Assert.Equal("other", resolution.RequestedId);
    }
}
