using Interviewer.Rubrics.Grading.Keyword;
using static Interviewer.Rubrics.Tests.Grading.Keyword.KeywordFixtures;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

public sealed class BareSegmentsTests
{
    [Fact]
    public void Find_LeadInRepeatedAroundOneTermPerSentence_MakesEverySentenceBare()
    {
        Assert.Equal([true, true, true],
            Bare("Hay que tener en cuenta el contenedor. Hay que tener en cuenta el despliegue. Hay que tener en cuenta la deriva."));
    }

    [Fact]
    public void Find_TemplateWordsInflectedDifferently_AreStillTheTemplate()
    {
        Assert.Equal([true, true, true],
            Bare("Recomiendo que revises el contenedor. Recomendamos que revisemos la monitorización. Recomendaría que revisaras la deriva."));
    }

    [Fact]
    public void Find_LeadInRepeatedInOnlyTwoSentences_IsNotATemplate()
    {
        Assert.Equal([false, false],
            Bare("Hay que tener en cuenta el contenedor. Hay que tener en cuenta la deriva."));
    }

    [Fact]
    public void Find_LeadInRepeatedInSentencesWithoutRubricTerms_DoesNotMakeATemplate()
    {
        Assert.Equal([false, false, false, false],
            Bare("Hay que tener en cuenta muchas cosas. Hay que tener en cuenta al equipo. Hay que tener en cuenta el contenedor. Hay que tener en cuenta la deriva."));
    }

    [Fact]
    public void Find_RepeatedSubjectWithWordsOfItsOwnInEachSentence_IsNotBare()
    {
        Assert.Equal([false, false, false],
            Bare("El modelo se despliega mediante un pipeline que ejecuta las pruebas. El modelo se monitoriza con métricas de latencia en paneles. " +
                "El modelo vuelve a la versión anterior cuando saltan las alertas."));
    }

    [Fact]
    public void Find_ListItems_AreBareWithoutATemplate()
    {
        Assert.Equal([true, true, true, false],
            Bare("Contenedor Docker, monitorización de métricas, deriva, empaqueto el modelo con todas sus dependencias fijadas."));
    }

    private static bool[] Bare(string answer) => BareSegments.Find(AnswerMatch.For(Grader.Compile(Deploy), answer));
}
