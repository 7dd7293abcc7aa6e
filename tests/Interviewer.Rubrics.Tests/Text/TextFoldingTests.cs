using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Despliegué", "despliegue")]
    [InlineData("DESPLIEGUE", "despliegue")]
    [InlineData("despliegue\u0301", "despliegue")]
    [InlineData("Año Ñandú", "ano nandu")]
    [InlineData("pingüino", "pinguino")]
    [InlineData("ＭＬＯｐｓ", "mlops")]
    [InlineData("eﬁciencia", "eficiencia")]
    [InlineData("don’t", "don't")]
    [InlineData("Ça marche", "ca marche")]
    [InlineData("ci/cd", "ci/cd")]
    public void Fold_RemovesAccentsCaseAndCompatibilityForms(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }

    [Fact]
    public void Fold_KeepsEmojiAsTheyAre()
    {
        Assert.Equal("ok 🚀", TextFolding.Fold("OK 🚀"));
    }
}
