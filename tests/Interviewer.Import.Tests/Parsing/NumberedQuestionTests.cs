using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Interviewer.Import.Parsing;
using Interviewer.Import.Reading;

namespace Interviewer.Import.Tests.Parsing;

/// <summary>Guides that number their questions ("1. ¿…?", "2) …", "Pregunta 3: …"): the fixtures are small guides of our own.</summary>
public sealed class NumberedQuestionTests
{
    private static ParsedGuide ParseFixture(string name) => GuideParser.Parse(GuideReader.ReadFile(SeedGuideTests.Fixture(name)));

    private static ParsedGuide ParseText(string text) => GuideParser.Parse(GuideReader.Read(Encoding.UTF8.GetBytes(text), GuideFormats.Text));

    [Fact]
    public void Parse_NumberedMarkdownGuide_FindsEachQuestionWithoutItsNumber()
    {
        var guide = ParseFixture("numbered-guide-es.md");

        Assert.Equal(
            [
                "¿Qué es un data lake?",
                "¿Cómo orquestarías un pipeline diario?",
                "¿Qué harías si un job falla a las tres de la mañana?",
                "Diseña un sistema de ingesta para eventos de clics.",
                "¿Cómo versionarías los esquemas?",
            ],
            guide.Questions.Select(q => q.Text));
        Assert.Equal(["Preguntas básicas", "Preguntas de diseño"], guide.Sections.Select(s => s.Title));
        Assert.All(guide.Questions, q => Assert.Equal(AnswerSource.Label, q.AnswerSource));
        Assert.Equal("Evalúa si el candidato distingue el almacenamiento en bruto del modelado.", guide.Questions.First().Description);
    }

    [Fact]
    public void Parse_NumberedListInsideAnAnswer_StaysInTheAnswer()
    {
        var questions = ParseFixture("numbered-guide-es.md").Questions.ToList();

        Assert.Equal(
            "Con un orquestador como Airflow, en tres pasos:\n- Defino las tareas y sus dependencias como un DAG.\n" +
            "- Programo la ejecución diaria con reintentos.\n- Añado alertas cuando una tarea falla.",
            questions[1].Answer);
        // Its own numbering starts again at 1: the questions inside it are the answer's, not the guide's.
        Assert.Equal(
            "Primero me hago dos preguntas:\n- ¿Qué datos quedaron a medias?\n- ¿Quién consume esas tablas?\n" +
            "Después relanzo el job desde la última partición completa y aviso a los consumidores.",
            questions[2].Answer);
    }

    [Fact]
    public void Parse_NumberedPlainTextGuide_ReadsParenthesesAndQuestionLabels()
    {
        var guide = ParseFixture("numbered-guide-en.txt");

        Assert.Equal("Data Engineering Interview Guide", guide.Title);
        Assert.Equal(
            [
                "What is a feature store?",
                "Explain how you would backfill a table.",
                "Describe a pipeline that deduplicates events.",
                "How do you test a data pipeline?",
            ],
            guide.Questions.Select(q => q.Text));
        Assert.Equal(["Warm-up", "Design"], guide.Sections.Select(s => s.Title));
        Assert.Equal("Each event carries an id; the pipeline keeps a window of seen ids and drops repeats before writing.", guide.Questions.ElementAt(2).Answer);
    }

    [Fact]
    public void Parse_HtmlOrderedLists_AreNumberedQuestions()
    {
        var guide = ParseFixture("numbered-guide.html");

        Assert.Equal(["¿Qué diferencia hay entre WHERE y HAVING?", "¿Qué es un índice compuesto?"], guide.Questions.Select(q => q.Text));
        Assert.Equal("Un índice sobre varias columnas, útil cuando las consultas filtran por su prefijo.", guide.Questions.Last().Answer);
    }

    [Fact]
    public void Parse_WordDecimalNumbering_NumbersTheQuestionsAndNotTheBullets()
    {
        var guide = GuideParser.Parse(GuideReader.Read(NumberedDocx(), GuideFormats.Docx));

        Assert.Equal(["¿Qué es un data lake?", "¿Qué es un data warehouse?"], guide.Questions.Select(q => q.Text));
        Assert.Equal("Un almacén modelado para consultas analíticas.\n- ¿Cuándo se carga?", guide.Questions.Last().Answer);
    }

    [Fact]
    public void Parse_ConsecutiveNumberedQuestionsWithoutAnswers_AreAllQuestions()
    {
        var guide = ParseText("""
            Preguntas

            1. ¿Qué es Docker?
            2. ¿Qué es Kubernetes?
            3. ¿Para qué sirve Helm?
            """);

        Assert.Equal(["¿Qué es Docker?", "¿Qué es Kubernetes?", "¿Para qué sirve Helm?"], guide.Questions.Select(q => q.Text));
        Assert.All(guide.Questions, q => Assert.Equal(AnswerSource.None, q.AnswerSource));
    }

    [Fact]
    public void Parse_NumberedStepsThatAreNotQuestions_StayInTheAnswer()
    {
        var guide = ParseText("""
            ¿Cómo despliegas un modelo?
            Respuesta:
            1. Empaqueto el modelo en un contenedor.
            2) Lo pruebo en staging.
            3. Lo publico detrás de un canario.
            """);

        var question = Assert.Single(guide.Questions);
        Assert.Equal(3, question.ListItems);
    }

    [Theory]
    [InlineData("Pregunta 3: ¿Qué es MLOps?", 3, "¿Qué es MLOps?", true)]
    [InlineData("Pregunta nº 12. Diseña un pipeline.", 12, "Diseña un pipeline.", true)]
    [InlineData("Question 7 - Walk me through a deployment.", 7, "Walk me through a deployment.", true)]
    [InlineData("Q4: How do you test it?", 4, "How do you test it?", true)]
    [InlineData("2) ¿Qué es un DAG?", 2, "¿Qué es un DAG?", false)]
    [InlineData("10. Explain blue-green deployments.", 10, "Explain blue-green deployments.", false)]
    public void Numbering_ReadsTheNumberAndTheText(string text, int number, string rest, bool labelled)
    {
        Assert.Equal((number, rest, labelled), QuestionShape.Numbering(text));
    }

    [Theory]
    [InlineData("¿Qué es MLOps?")]
    [InlineData("Preguntas básicas")]
    [InlineData("2024 fue un buen año.")]
    [InlineData("Pregunta: ¿qué es?")]
    public void Numbering_WithoutANumberInFront_IsNull(string text)
    {
        Assert.Null(QuestionShape.Numbering(text));
    }

    /// <summary>A Word document whose questions are a decimal list (numbering id 1) and whose answer has a bullet (id 2) that asks.</summary>
    private static byte[] NumberedDocx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 10 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 20 },
                new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = 2 });
            main.Document = new Document(new Body(
                Paragraph("¿Qué es un data lake?", list: 1),
                Paragraph("Respuesta: Datos en bruto, en su formato original."),
                Paragraph("¿Qué es un data warehouse?", list: 1),
                Paragraph("Respuesta: Un almacén modelado para consultas analíticas."),
                Paragraph("¿Cuándo se carga?", list: 2)));
        }
        return stream.ToArray();

        static Paragraph Paragraph(string text, int? list = null) => new(
            new ParagraphProperties(list is { } id ? [new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = id })] : []),
            new Run(new Text(text)));
    }
}
