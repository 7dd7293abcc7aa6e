using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Tests.Text;

public sealed class TokenizerTests
{
    private static List<(string Text, bool IsPart, int Position, int EndPosition, int Sentence)> Tokens(string text)
    {
        var tokens = new TokenList();
        Tokenizer.Tokenize(text, tokens, TermCache.Shared);
        return tokens.Items.ToArray().Select(t => (text.Substring(t.Start, t.Length), t.IsPart, t.Position, t.EndPosition, t.Sentence)).ToList();
    }

    [Fact]
    public void Tokenize_KeepsOffsetsOfTheOriginalTextAroundEmojiAndAccents()
    {
        const string text = "🚀 Despliegue rápido 👍: métricas.";

        var words = Tokens(text).Select(t => t.Text).ToList();

        Assert.Equal(["Despliegue", "rápido", "métricas"], words);
    }

    [Theory]
    [InlineData("Uso CI/CD hoy", "CI/CD", "CI", "CD")]
    [InlineData("un test A/B rápido", "A/B", "A", "B")]
    [InlineData("con scikit-learn", "scikit-learn", "scikit", "learn")]
    [InlineData("en node.js", "node.js", "node", "js")]
    public void Tokenize_Compound_IsOneTokenFollowedByItsParts(string text, string whole, string first, string second)
    {
        var tokens = Tokens(text);

        var index = tokens.FindIndex(t => t.Text == whole);
        Assert.True(index >= 0, string.Join(" | ", tokens));
        Assert.False(tokens[index].IsPart);
        Assert.Equal(tokens[index].Position + 1, tokens[index].EndPosition);
        Assert.Equal((first, true), (tokens[index + 1].Text, tokens[index + 1].IsPart));
        Assert.Equal((second, true), (tokens[index + 2].Text, tokens[index + 2].IsPart));
        Assert.Equal(tokens[index].Position, tokens[index + 1].Position);
    }

    [Theory]
    [InlineData("Desplegamos en k8s ya", "k8s")]
    [InlineData("Registro en MLflow.", "MLflow")]
    [InlineData("Escrito en C++, rápido", "C++")]
    [InlineData("Escrito en C#.", "C#")]
    [InlineData("versión 3.5 estable", "3.5")]
    public void Tokenize_TechnicalToken_StaysWhole(string text, string expected)
    {
        Assert.Contains(Tokens(text), t => t.Text == expected && !t.IsPart);
    }

    [Fact]
    public void Tokenize_SentenceEnds_IncreaseTheSentenceNumber()
    {
        var tokens = Tokens("Uno dos. Tres; cuatro\ncinco");

        Assert.Equal([0, 0, 1, 2, 3], tokens.Select(t => t.Sentence).ToArray());
    }

    [Fact]
    public void Tokenize_DecomposedAccent_StaysInsideTheWord()
    {
        var tokens = Tokens("la revisio\u0301n final");

        Assert.Equal(["la", "revisio\u0301n", "final"], tokens.Select(t => t.Text).ToArray());
    }

    [Fact]
    public void Tokenize_CountsWordsStopWordsAndListSegments()
    {
        var tokens = new TokenList();
        Tokenizer.Tokenize("docker, kubernetes, el pipeline de datos y la monitorización continua", tokens, TermCache.Shared);

        Assert.Equal(10, tokens.WordCount);
        Assert.Equal(4, tokens.StopWordCount);
        Assert.Equal(3, tokens.SegmentCount);
        Assert.Equal(2, tokens.ShortSegmentWordCount);
    }

    [Fact]
    public void Tokenize_EmptyText_HasNoTokens()
    {
        Assert.Empty(Tokens(" \n ... 🚀 "));
    }
}
