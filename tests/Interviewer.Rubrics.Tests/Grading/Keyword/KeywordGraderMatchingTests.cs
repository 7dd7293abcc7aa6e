using static Interviewer.Rubrics.Tests.Grading.Keyword.KeywordFixtures;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

public sealed class KeywordGraderMatchingTests
{
    [Theory]
    [InlineData("despliegue", "Desplegamos el modelo cada viernes.")]
    [InlineData("desplegamos", "El despliegue se hace cada viernes.")]
    [InlineData("pruebas", "Antes de publicar, probamos el modelo.")]
    [InlineData("entrenamiento", "Los modelos entrenados se guardan en el registro.")]
    [InlineData("monitorizar", "La monitorización es continua.")]
    public void Grade_WithInflectedSpanishWord_MatchesConcept(string phrase, string answer)
    {
        var grade = Grade(WithConcepts([phrase]), answer);

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("monitorización", "Hacemos monitorizacion continua.")]
    [InlineData("evaluación", "Antes de nada, evaluar el modelo.")]
    [InlineData("configuración", "Guardo la configuracion en git.")]
    [InlineData("versión anterior", "Se vuelve a la version anterior.")]
    [InlineData("precisión", "PRECISION alta.")]
    public void Grade_WithAccentsMissingOrCaseChanged_MatchesConcept(string phrase, string answer)
    {
        var grade = Grade(WithConcepts([phrase]), answer);

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("reentrenamiento", "Programamos el reentrenamieto mensual.")]
    [InlineData("kubernetes", "Lo despliego en kuberentes.")]
    [InlineData("behaviour", "Its behavior changes over time.")]
    [InlineData("contenedor", "Uso un contenedro ligero.")]
    public void Grade_WithOneTypoInLongWord_MatchesConcept(string phrase, string answer)
    {
        var grade = Grade(WithConcepts([phrase]), answer);

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("datos", "Tiramos los dados.")]
    [InlineData("latencia", "La latincio es baja.")]
    [InlineData("modelo", "Uso un modulo.")]
    public void Grade_WithTypoInShortWordOrTwoTypos_DoesNotMatch(string phrase, string answer)
    {
        var grade = Grade(WithConcepts([phrase]), answer);

        Assert.Equal(KeyPointStatus.Missing, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("deriva del modelo", "model drift", "Con el tiempo aparece model drift y baja la precisión.")]
    [InlineData("contenedor", "container", "Meto el servicio en containers de Docker.")]
    [InlineData("datos de entrenamiento", "training data", "Comparo con el training data original.")]
    public void Grade_WithEnglishTermsInSpanishAnswer_MatchesConcept(string spanish, string english, string answer)
    {
        var grade = Grade(WithConcepts([spanish, english]), answer);

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Fact]
    public void Grade_WithEnglishPluralOfSpanishTerm_MatchesByEitherStem()
    {
        var grade = Grade(WithConcepts(["modelo"]), "We retrain the models weekly.");

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("ci/cd", "Todo pasa por CI/CD antes de salir.")]
    [InlineData("a/b testing", "Validamos con A/B testing en producción.")]
    [InlineData("k8s", "Corre en K8s gestionado.")]
    [InlineData("mlflow", "Registro los experimentos en MLflow.")]
    [InlineData("scikit-learn", "El modelo es de scikit-learn.")]
    [InlineData("tiempo real", "Servimos predicciones en tiempo-real.")]
    [InlineData("c++", "El servicio está escrito en C++.")]
    public void Grade_WithTechnicalToken_MatchesItWhole(string phrase, string answer)
    {
        var grade = Grade(WithConcepts([phrase]), answer);

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Fact]
    public void Grade_CompoundInAnswer_MatchesItsPieces()
    {
        var grade = Grade(WithConcepts(["integración"], ["despliegue"]), "Uso integración/despliegue continuos.");

        Assert.Equal(1.0, grade.KeyPoints[0].Coverage);
    }

    [Fact]
    public void Grade_ShortPhraseInsideUnrelatedWord_DoesNotMatch()
    {
        var grade = Grade(WithConcepts(["ab"]), "Usamos a/b testing y abstracciones.");

        Assert.Equal(KeyPointStatus.Missing, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("Usamos datos reales de producción.")]
    [InlineData("Usamos datos que vienen de la base de producción.")]
    public void Grade_MultiWordPhraseWithSmallGap_Matches(string answer)
    {
        var grade = Grade(WithConcepts(["datos de producción"]), answer);

        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints[0].Status);
    }

    [Theory]
    [InlineData("Usamos datos que llegan cada día desde los sistemas centrales de producción.")]
    [InlineData("La producción de datos es continua.")]
    [InlineData("Tenemos datos. Producción va bien.")]
    public void Grade_MultiWordPhraseWithLargeGapWrongOrderOrAcrossSentences_IsOnlyPartial(string answer)
    {
        var grade = Grade(WithConcepts(["datos de producción"]), answer);

        Assert.Equal(KeyPointStatus.Partial, grade.KeyPoints[0].Status);
        Assert.Equal(0.5, grade.KeyPoints[0].Coverage);
    }

    [Fact]
    public void Grade_HalfOfATwoWordPhrase_EarnsNothing()
    {
        var grade = Grade(WithConcepts(["datos de producción"]), "Usamos datos limpios.");

        Assert.Equal(KeyPointStatus.Missing, grade.KeyPoints[0].Status);
    }

    [Fact]
    public void Grade_LongPhraseMostlyPresent_EarnsPartialCredit()
    {
        var grade = Grade(WithConcepts(["relación entre entradas y objetivo"]), "Cambia la relación con las entradas del modelo.");

        var keyPoint = grade.KeyPoints[0];
        Assert.Equal(KeyPointStatus.Partial, keyPoint.Status);
        Assert.InRange(keyPoint.Coverage, 0.01, 0.99);
    }

    [Fact]
    public void Grade_WithEmojiAndAccents_EvidenceOffsetsPointIntoTheOriginalAnswer()
    {
        const string answer = "🚀 Despliegue rápido 👍: usamos CI/CD y monitorización 📈 de métricas, y vigilo la deriva 🔥 de los datos de producción.";

        var grade = Grade(Deploy, answer, SpanishBank);

        var evidence = grade.KeyPoints.SelectMany(k => k.Evidence).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal(e.Text, answer.Substring(e.Start, e.Length)));
        Assert.Contains(evidence, e => e.Start == answer.IndexOf("CI/CD", StringComparison.Ordinal) && e.Text == "CI/CD");
        Assert.Contains(evidence, e => e.Text == "monitorización");
        Assert.Contains(evidence, e => e.Text == "datos de producción");
        Assert.Contains(evidence, e => e.Text == "Despliegue");
    }

    [Fact]
    public void Grade_WithDecomposedAccents_EvidenceSpansTheCombiningMarks()
    {
        var answer = "Hago monitorizacio\u0301n y revisio\u0301n.";

        var grade = Grade(WithConcepts(["monitorización"]), answer);

        var span = Assert.Single(grade.KeyPoints[0].Evidence);
        Assert.Equal(5, span.Start);
        Assert.Equal("monitorizacio\u0301n", span.Text);
        Assert.Equal(15, span.Length);
    }

    [Fact]
    public void Grade_EvidenceOfAPhraseWithGap_CoversTheWholePhrase()
    {
        const string answer = "Comparo los datos reales de producción con los de entrenamiento.";

        var grade = Grade(WithConcepts(["datos de producción"]), answer);

        var span = Assert.Single(grade.KeyPoints[0].Evidence);
        Assert.Equal("datos reales de producción", span.Text);
        Assert.Equal(answer.IndexOf("datos", StringComparison.Ordinal), span.Start);
    }
}
