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

    [Fact]
    public void Find_TermsJoinedByConjunctions_AreBareItems()
    {
        Assert.Equal(["contenedor", "despliegue", "deriva", "métricas"],
            BareWords("Lo que cuenta: el contenedor y el despliegue y la deriva o las métricas, todo ello con el equipo de guardia."));
    }

    [Fact]
    public void Find_TwoTermsJoinedByAConjunction_AreNotAList()
    {
        Assert.Empty(BareWords("Reviso siempre con calma el contenedor y el despliegue, todo ello con el equipo de guardia."));
    }

    [Fact]
    public void Find_ClausesJoinedByConjunctions_AreNotBareItems()
    {
        Assert.Empty(BareWords("Empaqueto el modelo en un contenedor y reviso cada noche el despliegue y comparo con el entrenamiento la deriva."));
    }

    /// <summary>Per segment, whether every token of it is bare.</summary>
    private static bool[] Bare(string answer)
    {
        var match = AnswerMatch.For(Grader.Compile(Deploy), answer);
        var bare = BareSegments.Find(match);
        return [.. Enumerable.Range(0, bare.Length).GroupBy(t => match.Tokens[t].Segment).Select(segment => segment.All(t => bare[t]))];
    }

    /// <summary>The content words, as written, that stand in bare segments or items.</summary>
    private static List<string> BareWords(string answer)
    {
        var match = AnswerMatch.For(Grader.Compile(Deploy), answer);
        var bare = BareSegments.Find(match);
        return [.. Enumerable.Range(0, bare.Length)
            .Where(t => bare[t] && !match.Tokens[t].IsPart && !match.Tokens[t].Term.IsStopWord)
            .Select(t => answer.Substring(match.Tokens[t].Start, match.Tokens[t].Length))];
    }
}
