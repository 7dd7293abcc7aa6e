using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Drafting;

public sealed class RubricDrafterTests
{
    private static readonly DraftSource Drift = new(
        "¿Qué es la deriva del modelo?",
        "La deriva aparece cuando los datos de producción dejan de parecerse a los datos de entrenamiento. " +
        "Hay que monitorizar las métricas y reentrenar el modelo.")
    { Id = "drift" };

    [Fact]
    public void Draft_EachSentence_BecomesAKeyPointOfItsContentWords()
    {
        var question = new RubricDrafter().Draft(Drift);

        Assert.Equal("drift", question.Id);
        Assert.Equal("drafted", question.Category);
        Assert.Equal(Drift.ReferenceAnswer, question.ModelAnswer);
        Assert.Equal(["drift-1", "drift-2", "drift-3"], question.KeyPoints.Select(k => k.Id).ToArray());
        Assert.Equal("La deriva aparece cuando los datos de producción dejan de parecerse a los datos de entrenamiento", question.KeyPoints[0].Text);
        Assert.Equal(["aparece", "datos", "producción", "dejan", "parecerse", "entrenamiento"], Phrases(question.KeyPoints[0]));
        Assert.Equal(["monitorizar", "métricas", "reentrenar"], Phrases(question.KeyPoints[1]));
    }

    [Fact]
    public void Draft_WordsTheQuestionAlreadySays_GoToALighterKeyPoint()
    {
        var question = new RubricDrafter().Draft(Drift);

        var echo = question.KeyPoints[^1];
        Assert.Equal(["deriva", "modelo"], Phrases(echo));
        Assert.Equal(0.5, echo.Weight);
        Assert.Equal(6, question.KeyPoints[0].Weight);
        Assert.StartsWith("Usa los términos de la pregunta", echo.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_WithEchoWeightZero_LeavesQuestionWordsOut()
    {
        var question = new RubricDrafter(new RubricDraftOptions { QuestionEchoWeight = 0 }).Draft(Drift);

        Assert.Equal(2, question.KeyPoints.Count);
        Assert.DoesNotContain("deriva", question.KeyPoints.SelectMany(Phrases));
    }

    [Fact]
    public void Draft_WithMultiWordTerms_KeepsAdjacentContentWordsTogether()
    {
        var question = new RubricDrafter(new RubricDraftOptions { MaxTermWords = 2 })
            .Draft(new DraftSource("What is a prototype for?", "To simulate the desired software product.") { Language = "en" });

        Assert.Equal(["simulate", "desired software", "product"], Phrases(question.KeyPoints[0]));
    }

    [Fact]
    public void Draft_LongSentence_IsSplitAtItsCommas()
    {
        var source = new DraftSource("¿Qué versionas?",
            "Versiono el código fuente con git, los conjuntos de datos grandes con dvc, los modelos entrenados en un registro central, y la configuración del entorno con docker.");

        var question = new RubricDrafter().Draft(source);

        Assert.True(question.KeyPoints.Count >= 3, string.Join(" | ", question.KeyPoints.Select(k => k.Text)));
        Assert.All(question.KeyPoints, k => Assert.InRange(k.Concepts.Count, 1, RubricDraftOptions.Default.MaxConceptsPerKeyPoint));
    }

    [Fact]
    public void Draft_NoWordIsAskedForTwice()
    {
        var question = new RubricDrafter().Draft(new DraftSource("¿Por qué versionar datos?",
            "Versionar datos da reproducibilidad. La reproducibilidad permite auditar. Auditar los datos exige versiones."));

        var phrases = question.KeyPoints.SelectMany(Phrases).ToList();
        Assert.Equal(phrases.Count, phrases.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(RubricQualityChecks.Check(Bank("es", question)));
    }

    [Fact]
    public void Draft_ReferenceAnswer_ScoresFullAgainstItsDraft()
    {
        var question = new RubricDrafter().Draft(Drift);

        var grade = new KeywordGrader().Grade(new GradeRequest(Bank("es", question), question, question.ModelAnswer));

        Assert.Equal(100, grade.Score);
    }

    [Fact]
    public void Draft_OnlyFunctionWords_GivesOneKeyPointWithTheWholeAnswer()
    {
        var question = new RubricDrafter().Draft(new DraftSource("Is it?", "It is."));

        var keyPoint = Assert.Single(question.KeyPoints);
        Assert.Equal(["It is."], Phrases(keyPoint));
    }

    [Fact]
    public void Draft_WithoutId_DerivesOneFromTheQuestion()
    {
        var question = new RubricDrafter().Draft(new DraftSource("¿Qué es MLOps y por qué importa?", "Prácticas para operar modelos."));

        Assert.Equal("que-es-mlops-y-por-que-importa", question.Id);
    }

    [Fact]
    public void Draft_IsDeterministic()
    {
        Assert.Equal(Yaml(new RubricDrafter().Draft(Drift)), Yaml(new RubricDrafter().Draft(Drift)));
    }

    [Fact]
    public void Draft_BlankReferenceAnswer_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RubricDrafter().Draft(new DraftSource("¿Qué?", "  ")));
    }

    [Theory]
    [InlineData("Los datos de producción cambian con el tiempo y el modelo pierde precisión.", "es")]
    [InlineData("The data in production drifts over time and the model loses accuracy.", "en")]
    [InlineData("Entreno el model con Python.", "es")]
    public void DetectLanguage_UsesFunctionWords(string text, string expected)
    {
        Assert.Equal(expected, RubricDrafter.DetectLanguage(text));
    }

    [Theory]
    [InlineData("1.1", "1.1")]
    [InlineData("EM_45b", "EM_45b")]
    [InlineData("a b/c", "a-b-c")]
    public void SafeId_KeepsSafeCharacters(string id, string expected)
    {
        Assert.Equal(expected, RubricDrafter.SafeId(id));
    }

    [Fact]
    public void WriteBank_WritesFilesTheLoaderReadsBack()
    {
        var root = TestRun.Folder("draft").FullName;
        try
        {
            var folder = Path.Combine(root, "drafted-es");
            var english = new RubricDrafter().Draft(new DraftSource("What does \"CI/CD\" mean: a quote?", "Continuous integration: \"every\" change is tested.\nThen deployed.") { Id = "cicd" });
            var questions = new[] { new RubricDrafter().Draft(Drift), english };

            var written = RubricWriter.WriteBank(folder, "Borradores", "es", questions);

            Assert.Equal(3, written.Count);
            var bank = BankLoader.LoadOrThrow(folder);
            Assert.Equal("drafted-es", bank.Id);
            Assert.Equal(["drift", "cicd"], bank.Questions.Select(q => q.Id).ToArray());
            foreach (var (loaded, original) in bank.Questions.Zip(questions))
            {
                Assert.Equal(original.Text, loaded.Text);
                Assert.Equal(original.ModelAnswer, loaded.ModelAnswer);
                Assert.Equal(Yaml(original), Yaml(loaded));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string[] Phrases(KeyPoint keyPoint) => keyPoint.Concepts.SelectMany(c => c.Phrases).ToArray();

    [Theory]
    [InlineData("OLTP systems serve many small transactions while OLAP systems answer large analytical queries.\nSystem | Workload | Example\n" +
        "OLTP | Many small writes and reads | An orders database\nOLAP | Large scans and aggregations | A data warehouse")]
    [InlineData("A data pipeline moves data from sources to destinations, extracting, transforming and loading records.\n" +
        "- Batch pipelines run on a schedule, for example every night.\n- Streaming pipelines process events continuously as they arrive.")]
    public void Draft_DenseEnglishAnswer_ScoresFullMarksAgainstItsOwnRubric(string answer)
    {
        // Nearly every word of dense English prose is a content word, so all of it is evidence: it is still prose, not a keyword list.
        var question = new RubricDrafter().Draft(new DraftSource("Explain the difference.", answer) { Id = "dense" });
        var bank = new QuestionBank("b", "b", "en", 1, [new Category(RubricDrafter.DraftedCategory, "Drafted")], [question]);

        var grade = new KeywordGrader().Grade(new GradeRequest(bank, question, answer));

        Assert.DoesNotContain(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score >= 90, $"score {grade.Score}");
    }

    [Fact]
    public void DraftAll_RepeatedQuestion_GetsANumberedId()
    {
        var questions = new RubricDrafter().DraftAll([Drift, Drift with { Id = "drift" }]);

        Assert.Equal(["drift", "drift-2"], questions.Select(q => q.Id).ToArray());
        Assert.All(questions[1].KeyPoints, k => Assert.StartsWith("drift-2-", k.Id, StringComparison.Ordinal));
    }

    private static string Yaml(Question question) => RubricWriter.QuestionYaml(question);

    private static QuestionBank Bank(string language, Question question) =>
        new("drafted", "Drafted", language, 1, [new Category("drafted", "Drafted")], [question]);
}
