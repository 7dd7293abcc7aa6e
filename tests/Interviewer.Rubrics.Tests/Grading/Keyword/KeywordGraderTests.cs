using System.Text;
using System.Text.Json;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;
using static Interviewer.Rubrics.Tests.Grading.Keyword.KeywordFixtures;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

public sealed class KeywordGraderTests
{
    private const string GoodSpanishAnswer =
        "Empaqueto el modelo en un contenedor y lo despliego con CI/CD; luego monitorizo sus métricas y la deriva de los " +
        "datos de producción, y si algo falla hago rollback.";

    [Fact]
    public void Grade_ModelAnswer_CoversEveryKeyPoint()
    {
        var grade = Grade(Deploy, Deploy.ModelAnswer, SpanishBank);

        Assert.Equal(100, grade.Score);
        Assert.All(grade.KeyPoints, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
        Assert.Null(grade.FollowUp);
        Assert.Empty(grade.Flags);
        Assert.Equal("keyword", grade.Grader);
        Assert.Equal(new BankRef("test", 1), grade.Bank);
        Assert.False(grade.Degraded);
    }

    [Fact]
    public void Grade_ConciseGoodSpanishAnswer_ScoresHighWithoutFlags()
    {
        var grade = Grade(Deploy, GoodSpanishAnswer, SpanishBank);

        Assert.Empty(grade.Flags);
        Assert.True(grade.Score >= 90, $"score {grade.Score}");
    }

    [Fact]
    public void Grade_ConciseGoodEnglishAnswer_IsNotFlagged()
    {
        const string answer = "I package the model in a docker container, deploy it through a CI/CD pipeline, monitor its metrics " +
            "and the drift of production data, and roll back if it fails.";

        var grade = Grade(Deploy, answer, EnglishBank);

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score >= 80, $"score {grade.Score}");
    }

    [Theory]
    [InlineData("contenedor, docker, despliegue, ci/cd, pipeline, monitorización, métricas, rollback, deriva, datos de producción")]
    [InlineData("contenedor docker despliegue ci/cd pipeline monitorización métricas rollback deriva datos producción")]
    [InlineData("- contenedor\n- docker\n- despliegue\n- CI/CD\n- monitorización\n- métricas\n- rollback\n- deriva\n- datos de producción")]
    [InlineData("Docker; deploy; pipeline; monitoring; metrics; rollback; drift; production data")]
    [InlineData("Docker, CI/CD, monitoring, rollback, drift")]
    [InlineData("contenedor despliegue pipeline métricas monitorización deriva")]
    public void Grade_KeywordList_IsFlaggedAndCannotScoreHigh(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score <= KeywordGraderOptions.Default.KeywordStuffingCap, $"score {grade.Score}");
        Assert.Contains("lista de términos", grade.Feedback, StringComparison.Ordinal);
        // The cap is in the key points' credits, so the question's score in a live interview is held down too.
        Assert.Equal(grade.Score, Scoring.QuestionScore(Deploy, [grade]));
    }

    /// <summary>A list of rubric terms with neutral sentences around it: the sentences add prose, not mentions.</summary>
    [Theory]
    [InlineData("Contenedor, docker, despliegue, ci/cd, monitorización, métricas, rollback, deriva, datos de producción. Es un tema que me parece muy interesante y que he estudiado bastante en mis proyectos.")]
    [InlineData("Es una pregunta muy buena y la respondo con gusto. Contenedor, despliegue, pipeline, monitorización, métricas, rollback, deriva, datos de producción. Espero que con esto quede todo claro para el equipo.")]
    [InlineData("- contenedor\n- despliegue\n- CI/CD\n- monitorización\n- métricas\n- rollback\n- deriva\n- datos de producción\nHe trabajado varios años en equipos de datos y siempre intento aprender algo nuevo cada día con mis compañeros.")]
    [InlineData("I have thought about this question for a while and I find it a really interesting one. Docker; deploy; pipeline; monitoring; metrics; rollback; drift; production data. That would be my answer, thank you very much for your time and patience.")]
    [InlineData("Docker, deploy. Yo lo veo así desde hace tiempo. CI/CD, monitoring, metrics. Es algo que siempre comento con el equipo. Rollback, drift, production data. Creo que con esto está todo dicho.")]
    [InlineData("Contenedor y despliegue, CI/CD, monitorización de métricas, rollback, deriva de datos de producción. Lo cuento así porque es como lo hacemos en mi equipo desde hace años.")]
    public void Grade_KeywordListWithNeutralFiller_IsStillFlaggedAndCapped(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score <= KeywordGraderOptions.Default.KeywordStuffingCap, $"score {grade.Score}");
    }

    /// <summary>
    /// Each rubric term in a filler sentence of one repeated template: the template's words frame the terms and say
    /// nothing about them, so the sentences count as list items. Each of these scored 94–97.6 before the rule.
    /// </summary>
    [Theory]
    [InlineData("Hay que tener en cuenta el contenedor. Hay que tener en cuenta el despliegue. Hay que tener en cuenta el pipeline. " +
        "Hay que tener en cuenta la monitorización. Hay que tener en cuenta las métricas. Hay que tener en cuenta el rollback. Hay que tener en cuenta la deriva.")]
    [InlineData("One important thing is the container. Another important thing is the deployment. Another important thing is the pipeline. " +
        "Another important thing is monitoring. Another important thing is the metrics. Another important thing is rollback. Another important thing is drift.")]
    [InlineData("Es clave el contenedor. Es clave tener un pipeline. Es clave la monitorización. Es clave pensar en las métricas. Es clave el rollback. Es clave la deriva.")]
    [InlineData("Otro punto importante es el contenedor\nOtro punto importante es el despliegue\nOtro punto importante es el CI/CD\n" +
        "Otro punto importante es la monitorización\nOtro punto importante es el rollback\nOtro punto importante es la deriva")]
    [InlineData("I would also like to talk about the container. I would also like to talk about deployment. I would also like to talk about the CI/CD pipeline. " +
        "I would also like to talk about monitoring and metrics. I would also like to talk about rollback. I would also like to talk about drift.")]
    [InlineData("En mi experiencia pienso mucho en el contenedor. En mi experiencia pienso mucho en el despliegue. En mi experiencia pienso mucho en la integración continua. " +
        "En mi experiencia pienso mucho en la monitorización. En mi experiencia pienso mucho en el rollback. En mi experiencia pienso mucho en la deriva.")]
    [InlineData("Worth considering carefully is the container\nWorth considering carefully is the deployment\nWorth considering carefully is the pipeline\n" +
        "Worth considering carefully is the monitoring\nWorth considering carefully is rollback\nWorth considering carefully is drift")]
    public void Grade_OneTermPerTemplateSentence_IsFlaggedAndCapped(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score <= 40, $"score {grade.Score}");
        Assert.Equal(grade.Score, Scoring.QuestionScore(Deploy, [grade]));
    }

    /// <summary>
    /// Each rubric term after a short lead-in of its own, in words the question never uses: the lead-ins differ, so no
    /// template shows, but a run of them is filler all the same. Neither was flagged before the rule.
    /// </summary>
    [Theory]
    [InlineData("Conviene recordar el contenedor. Es clave el despliegue. Cabe mencionar el pipeline. Resulta vital la monitorización. " +
        "Destaco las métricas. No olvidemos el rollback. Pensemos en la deriva. Hay que considerar los datos de producción.")]
    [InlineData("Worth remembering the container. Consider deployment. Mention the CI/CD pipeline. Crucially, monitoring. Never forget metrics. " +
        "Think about rollback. Keep remembering drift. Recall production data.")]
    public void Grade_OneTermPerShortLeadIn_IsFlaggedAndCapped(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score <= 40, $"score {grade.Score}");
    }

    /// <summary>Short sentences whose words before a term are the question's own words say something about it: not a lead-in.</summary>
    [Theory]
    [InlineData("Empaqueto el modelo en un contenedor. Publico la imagen con un pipeline de CI/CD. Reviso la latencia en las métricas. " +
        "Comparo los datos de producción con los de entrenamiento para ver la deriva. Si algo falla, vuelvo a la versión anterior.")]
    [InlineData("Normalmente uso un contenedor. Después, un pipeline de CI/CD despliega cada versión que pasa las pruebas. Monitorizo las métricas " +
        "de latencia con alertas; si la precisión cae o aparece deriva en los datos de producción, hago rollback.")]
    public void Grade_ShortSentencesThatSaySomethingBeforeATerm_AreNotKeywordStuffing(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score >= 90, $"score {grade.Score}");
    }

    /// <summary>Rubric terms joined by conjunctions instead of commas are a list all the same. Neither was flagged before.</summary>
    [Theory]
    [InlineData("Lo importante es el contenedor y el despliegue y el pipeline y la monitorización y las métricas y el rollback y la deriva y los datos de producción.")]
    [InlineData("My answer covers the container and deployment and the CI/CD pipeline and monitoring and metrics and rollback and drift or production data.")]
    public void Grade_TermsJoinedByConjunctions_AreFlaggedAndCapped(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score <= 40, $"score {grade.Score}");
    }

    /// <summary>Clauses joined by conjunctions each say something of their own: prose, however long the chain.</summary>
    [Theory]
    [InlineData("Empaqueto el modelo en un contenedor y lo despliego con un pipeline de CI/CD y después monitorizo las métricas de latencia y " +
        "vigilo la deriva de los datos de producción y si algo falla hago rollback a la versión anterior.")]
    [InlineData("I package the model in a container and deploy it with a CI/CD pipeline and then watch the latency metrics and check " +
        "the production data for drift and roll back to the previous version when something fails.")]
    public void Grade_ClausesJoinedByConjunctions_AreNotKeywordStuffing(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score > KeywordGraderOptions.Default.KeywordStuffingCap, $"score {grade.Score}");
    }

    /// <summary>A repeated subject or lead-in is prose when each sentence adds words of its own about its terms.</summary>
    [Theory]
    [InlineData("El modelo se empaqueta en un contenedor Docker con todas sus dependencias fijadas. El modelo se despliega mediante un pipeline de CI/CD " +
        "que ejecuta las pruebas antes de publicar la imagen. El modelo se monitoriza con métricas de latencia y errores en paneles que revisa el equipo de guardia. " +
        "El modelo se vigila contra la deriva comparando la distribución de los datos de producción con la del entrenamiento. El modelo vuelve a la versión " +
        "anterior con un rollback automático si las alertas se disparan.")]
    [InlineData("The model is packaged in a Docker container with its dependencies pinned. The model is deployed by a CI/CD pipeline that runs the tests before " +
        "publishing the image. The model is monitored through latency and error metrics on dashboards that the on-call team reviews. The model is checked for " +
        "drift by comparing the production data distribution with the training data. The model goes back to the previous version through an automatic rollback when alerts fire.")]
    [InlineData("Primero, empaqueto el modelo en un contenedor para que el entorno sea idéntico en todas partes. Segundo, lo despliego con un pipeline de " +
        "integración continua que valida cada cambio. Tercero, monitorizo las métricas de negocio y de latencia con alertas. Cuarto, comparo los datos de " +
        "producción con los de entrenamiento para detectar deriva. Quinto, si algo falla, hago rollback a la versión anterior.")]
    [InlineData("First, I package the model in a container so the environment is identical everywhere. Second, I deploy it with a CI/CD pipeline that " +
        "validates every change. Third, I monitor business and latency metrics with alerts. Fourth, I compare production data with training data to catch " +
        "drift. Fifth, if something breaks, I roll back to the previous version.")]
    [InlineData("Uso Docker para que el contenedor lleve las mismas librerías en desarrollo y en producción. Uso un pipeline de CI/CD para que ningún cambio " +
        "llegue sin pasar las pruebas. Uso Prometheus para la monitorización de métricas como la latencia del percentil 99. Uso tests estadísticos para " +
        "detectar la deriva en los datos de producción. Uso rollback a la versión anterior cuando la precisión cae en el tráfico real.")]
    [InlineData("We use Docker so that the container carries the same libraries in development and production. We use a CI/CD pipeline so that no change " +
        "ships without passing the tests. We use Prometheus for monitoring metrics such as the 99th percentile latency. We use statistical tests to detect " +
        "drift in the production data. We use a rollback to the previous version when accuracy drops on live traffic.")]
    [InlineData("Es importante empaquetar el modelo en un contenedor reproducible. Es importante desplegarlo con un pipeline que ejecute pruebas automáticas. " +
        "Es importante monitorizar las métricas de latencia y de precisión en tiempo real. Es importante detectar la deriva de los datos de producción pronto. " +
        "Es importante poder revertir rápidamente a la versión anterior.")]
    public void Grade_SentencesWithARepeatedFrameThatEachSaySomething_AreNotKeywordStuffing(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score >= 90, $"score {grade.Score}");
    }

    /// <summary>A list that heads an explanation is a summary: the terms are then said in sentences.</summary>
    [Theory]
    [InlineData("Tres cosas: contenedor, CI/CD y monitorización. Empaqueto el modelo en un contenedor Docker y lo despliego con un pipeline de CI/CD; " +
        "después monitorizo las métricas, vigilo la deriva de los datos de producción y hago rollback si algo falla.")]
    [InlineData("Docker, CI/CD, monitoring. I package the model in a docker container, deploy it through a CI/CD pipeline, monitor its metrics " +
        "and the drift of production data, and roll back if it fails.")]
    public void Grade_ListThatHeadsAnExplanation_IsNotKeywordStuffing(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score >= 80, $"score {grade.Score}");
    }

    [Fact]
    public void Grade_KeywordList_StillReportsWhatItMentions()
    {
        var grade = Grade(Deploy, "contenedor, docker, despliegue, ci/cd, pipeline, monitorización, métricas, rollback, deriva", SpanishBank);

        Assert.Equal(KeyPointStatus.Covered, KeyPointOf(grade, "deploy-cicd").Status);
    }

    [Theory]
    [InlineData("Contenedor Docker, despliegue con un pipeline de CI/CD.")]
    [InlineData("Docker container; CI/CD pipeline.")]
    public void Grade_TerseAnswerOnOneOrTwoKeyPoints_IsNotKeywordStuffing(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.Equal(KeyPointStatus.Covered, KeyPointOf(grade, "deploy-cicd").Status);
    }

    [Fact]
    public void Grade_ShortCorrectAnswer_IsNotKeywordStuffing()
    {
        var grade = Grade(WithConcepts(["abstracción"], ["reutilización"]), "Abstracción y reutilización.");

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.Equal(100, grade.Score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t \r\n ")]
    public void Grade_EmptyOrWhiteSpaceAnswer_IsFlaggedEmptyWithScoreZero(string answer)
    {
        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.Equal([GradeFlags.Empty], grade.Flags);
        Assert.Equal(0, grade.Score);
        Assert.All(grade.KeyPoints, k => Assert.Equal(KeyPointStatus.Missing, k.Status));
        Assert.Equal(Deploy.KeyPoints.Count, grade.KeyPoints.Count);
        Assert.Equal(Deploy.KeyPoints[0].FollowUp, grade.FollowUp);
        Assert.Contains("vacía", grade.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_NullAnswer_IsGradedAsEmpty()
    {
        var grade = Grader.Grade(new GradeRequest(SpanishBank, Deploy, null!));

        Assert.Equal([GradeFlags.Empty], grade.Flags);
    }

    [Fact]
    public void Grade_VeryShortAnswer_IsFlaggedTooShort()
    {
        var grade = Grade(Deploy, "Uso Docker.", SpanishBank);

        Assert.Contains(GradeFlags.TooShort, grade.Flags);
        Assert.DoesNotContain(GradeFlags.Empty, grade.Flags);
    }

    [Fact]
    public void Grade_KeyPointStatusesAndCoverage_FollowTheShareOfConceptsFound()
    {
        // Container found, deployment not: one concept of two.
        var grade = Grade(Deploy, "Lo meto en un contenedor y ya está, no hago nada más con ello en ningún momento.", SpanishBank);

        var container = KeyPointOf(grade, "deploy-container");
        Assert.Equal(KeyPointStatus.Partial, container.Status);
        Assert.Equal(0.5, container.Coverage);
        Assert.Equal(KeyPointStatus.Missing, KeyPointOf(grade, "deploy-rollback").Status);
        Assert.Equal(0, KeyPointOf(grade, "deploy-rollback").Coverage);
    }

    [Fact]
    public void Grade_Score_IsTheWeightedShareOfWhatKeyPointsEarn()
    {
        // Covers deploy-cicd (weight 2) and deploy-rollback (weight 1) of a total weight of 10.
        var grade = Grade(Deploy, "Todo pasa por un pipeline de integración continua y, si falla, revertimos sin más problema.", SpanishBank);

        Assert.Equal(30, grade.Score);
    }

    [Fact]
    public void Grade_FollowUp_TargetsTheHighestWeightKeyPointNotCovered()
    {
        // Container (weight 3) covered; of the weight-2 key points not covered, deploy-cicd comes first.
        var grade = Grade(Deploy, "Desplegamos el modelo dentro de un contenedor y lo dejamos funcionando en el clúster.", SpanishBank);

        Assert.Equal(KeyPointStatus.Covered, KeyPointOf(grade, "deploy-container").Status);
        Assert.Equal(Deploy.KeyPoints[1].FollowUp, grade.FollowUp);
    }

    [Fact]
    public void Grade_Feedback_IsInTheBanksLanguage()
    {
        const string answer = "Desplegamos el modelo dentro de un contenedor y lo dejamos funcionando en el clúster.";

        var spanish = Grade(Deploy, answer, SpanishBank);
        var english = Grade(Deploy, answer, EnglishBank);

        Assert.StartsWith("Cubre 1 de 5 puntos clave.", spanish.Feedback, StringComparison.Ordinal);
        Assert.Contains("Falta:", spanish.Feedback, StringComparison.Ordinal);
        Assert.StartsWith("Covers 1 of 5 key points.", english.Feedback, StringComparison.Ordinal);
        Assert.Contains("Missing:", english.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_SameInput_GivesTheSameGrade()
    {
        var first = JsonSerializer.Serialize(Grade(Deploy, GoodSpanishAnswer, SpanishBank), InterviewerJson.Options);
        var second = JsonSerializer.Serialize(new KeywordGrader().Grade(new GradeRequest(SpanishBank, Deploy, GoodSpanishAnswer)), InterviewerJson.Options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Grade_FromManyThreads_GivesTheSameGradesAsOneThread()
    {
        var answers = Enumerable.Range(0, 200).Select(i => $"Respuesta {i}: {GoodSpanishAnswer[..(i % GoodSpanishAnswer.Length)]} fin {i}.").ToArray();
        var grader = new KeywordGrader();
        var sequential = answers.Select(a => JsonSerializer.Serialize(grader.Grade(new GradeRequest(SpanishBank, Deploy, a)), InterviewerJson.Options)).ToArray();

        var parallel = new string[answers.Length];
        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            parallel[i] = JsonSerializer.Serialize(grader.Grade(new GradeRequest(SpanishBank, Deploy, answers[i])), InterviewerJson.Options));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Grade_100KilobyteAnswer_IsGradedWithValidEvidence()
    {
        var text = new StringBuilder();
        var random = new Random(7);
        string[] words = ["el", "modelo", "datos", "latencia", "servicio", "🚀", "réplica", "Kubernetes", "cola", "usuarios", "señal", "x86_64"];
        while (text.Length < 100_000)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(10) == 0 ? ". " : " ");
        }
        text.Append(GoodSpanishAnswer);
        var answer = text.ToString();

        var grade = Grade(Deploy, answer, SpanishBank);

        Assert.InRange(grade.Score, 0, 100);
        Assert.Equal(KeyPointStatus.Covered, KeyPointOf(grade, "deploy-cicd").Status);
        Assert.All(grade.KeyPoints.SelectMany(k => k.Evidence), e => Assert.Equal(e.Text, answer.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void Grade_OneHugeWord_IsGradedWithoutError()
    {
        var grade = Grade(Deploy, new string('a', 100_000), SpanishBank);

        Assert.Equal(0, grade.Score);
    }

    [Fact]
    public async Task GradeAsync_WithCancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Grader.GradeAsync(new GradeRequest(SpanishBank, Deploy, GoodSpanishAnswer), cts.Token));
    }

    [Fact]
    public async Task GradeAsync_GivesTheSameGradeAsGrade()
    {
        var grade = await Grader.GradeAsync(new GradeRequest(SpanishBank, Deploy, GoodSpanishAnswer));

        Assert.Equal(Grade(Deploy, GoodSpanishAnswer, SpanishBank).Score, grade.Score);
    }

    [Fact]
    public void Grade_QuestionWithAKeyPointWithoutConcepts_GivesItNoCredit()
    {
        var question = new Question("q", "basics", "¿?", "", "", [new KeyPoint("empty", "Nada.", 1, [], "¿?"), KeyPoint("real", 1, ["docker"])]);

        var grade = Grade(question, "Uso docker en todos los despliegues que hacemos en el equipo.");

        Assert.Equal(KeyPointStatus.Missing, KeyPointOf(grade, "empty").Status);
        Assert.Equal(50, grade.Score);
    }

    [Theory]
    [InlineData(0.0, 0.7)]
    [InlineData(1.5, 0.7)]
    [InlineData(0.6, 0.0)]
    [InlineData(0.6, 1.5)]
    public void Constructor_WithOptionsOutOfRange_Throws(double coveredThreshold, double exponent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new KeywordGrader(new KeywordGraderOptions { CoveredThreshold = coveredThreshold, CoverageExponent = exponent }));
    }

    [Fact]
    public void Grade_WithStricterOptions_RequiresEveryConcept()
    {
        var strict = new KeywordGrader(new KeywordGraderOptions { CoveredThreshold = 1, CoverageExponent = 1 });

        var grade = strict.Grade(new GradeRequest(SpanishBank, Deploy, "Lo meto en un contenedor y ya está, no hago nada más con ello."));

        Assert.Equal(KeyPointStatus.Partial, grade.KeyPoints[0].Status);
        Assert.Equal(15, grade.Score);
    }
}
