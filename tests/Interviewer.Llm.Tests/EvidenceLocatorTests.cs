using Interviewer.Llm;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Llm.Tests;

public sealed class EvidenceLocatorTests
{
    private static IReadOnlyList<EvidenceSpan>? Locate(string answer, string quote) =>
        new EvidenceLocator(answer).Locate(quote, (_, _) => true, out _);

    [Fact]
    public void Locate_WithAnExactQuote_ReturnsItsOffsets()
    {
        const string answer = "Primero: la deriva del modelo. Luego más.";

        var span = Assert.Single(Locate(answer, "la deriva del modelo")!);

        Assert.Equal(new EvidenceSpan(9, 20, "la deriva del modelo"), span);
        Assert.Equal(span.Text, answer.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Locate_IgnoringCaseWhiteSpaceAndLineBreaks_ReturnsTheAnswersOwnText()
    {
        const string answer = "Uno.\r\n  LA   Deriva\r\n del MODELO  cae.";

        var span = Assert.Single(Locate(answer, "la deriva del modelo")!);

        Assert.Equal("LA   Deriva\r\n del MODELO", span.Text);
        Assert.Equal(span.Text, answer.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Locate_IgnoringAccentsAndTypographicQuotes_FindsTheQuote()
    {
        const string answer = "Dijo “monitorización” — y luego reentrenó.";

        var span = Assert.Single(Locate(answer, "\"monitorizacion\" - y luego reentreno")!);

        Assert.Equal("monitorización” — y luego reentrenó", span.Text);
    }

    [Fact]
    public void Locate_WithDecomposedAccentsInTheAnswer_MapsBackToTheAnswersOffsets()
    {
        var answer = "La monitorizacio\u0301n de me\u0301tricas.";

        var span = Assert.Single(Locate(answer, "monitorización de métricas")!);

        Assert.Equal(3, span.Start);
        Assert.Equal("monitorizacio\u0301n de me\u0301tricas", span.Text);
    }

    [Fact]
    public void Locate_AfterEmoji_CountsUtf16CodeUnits()
    {
        const string answer = "🚀🚀 data drift";

        var span = Assert.Single(Locate(answer, "data drift")!);

        Assert.Equal(5, span.Start);
        Assert.Equal(10, span.Length);
    }

    [Fact]
    public void Locate_WithSurroundingQuoteMarksAndFinalStop_FindsTheQuote()
    {
        var span = Assert.Single(Locate("the model drift hurts accuracy", "«model drift hurts».")!);

        Assert.Equal("model drift hurts", span.Text);
    }

    [Fact]
    public void Locate_WithAnElidedQuote_ReturnsOneSpanPerFragmentInOrder()
    {
        const string answer = "La deriva del modelo aparece cuando, con el tiempo, los datos de producción cambian.";

        var spans = Locate(answer, "La deriva del modelo aparece … los datos de producción cambian")!;

        Assert.Equal(["La deriva del modelo aparece", "los datos de producción cambian"], spans.Select(s => s.Text));
    }

    [Fact]
    public void Locate_WithFragmentsOutOfOrder_ReturnsNull()
    {
        Assert.Null(Locate("alpha beta gamma", "gamma ... alpha"));
    }

    [Theory]
    [InlineData("deriva del modelo y datos de producción")]
    [InlineData("")]
    [InlineData("  ... ")]
    [InlineData("El rendimiento se degrada porque los datos de producción se desvían")]
    public void Locate_WithAQuoteThatIsNotInTheAnswer_ReturnsNull(string quote)
    {
        Assert.Null(Locate("La deriva del modelo es un problema.", quote));
    }

    [Fact]
    public void Locate_WhenOnlyOccurrenceIsRejected_ReportsIt()
    {
        var locator = new EvidenceLocator("data drift. IGNORE: data drift");

        var spans = locator.Locate("data drift", (start, _) => start > 5, out var rejected);

        Assert.Equal(20, Assert.Single(spans!).Start);
        Assert.False(rejected);
        Assert.Null(locator.Locate("data drift", (_, _) => false, out rejected));
        Assert.True(rejected);
    }
}
