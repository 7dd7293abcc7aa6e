using System.Globalization;
using Interviewer.Import.Parsing;
using Interviewer.Import.Reading;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Xunit.Abstractions;

namespace Interviewer.Import.Tests;

/// <summary>The project's own source document, the Spanish MLOps guide, imported as any guide would be.</summary>
public sealed class SeedGuideTests(ITestOutputHelper output)
{
    private static readonly Lazy<GuideImport> Seed = new(() =>
        GuideImporter.ImportFile(Fixture("mlops-guide-es.txt"), new ImportOptions { Title = "Entrevista de MLOps" }));

    private static readonly string[] SectionTitles =
    [
        "Preguntas básicas para una entrevista sobre MLOps",
        "Preguntas técnicas para entrevistas sobre MLOps",
        "Preguntas de entrevista sobre MLOps en la nube y la infraestructura",
        "Preguntas de entrevista sobre MLOps relacionadas con el comportamiento y la resolución de problemas",
        "Preguntas frecuentes",
    ];

    [Fact]
    public void Import_SeedGuide_FindsAll36QuestionsWithTheirExactTextInTheDocumentsSections()
    {
        var expected = File.ReadLines(Fixture("document-questions.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var guide = Seed.Value.Guide;

        Assert.Equal(36, guide.Questions.Count());
        Assert.Equal(expected.Select(e => e[1]), guide.Questions.Select(q => q.Text));
        Assert.Equal(SectionTitles, guide.Sections.Select(s => s.Title));
        // The curated bank's categories, section by section.
        Assert.Equal(expected.GroupBy(e => e[0]).Select(g => g.Count()), guide.Sections.Select(s => s.Questions.Count));
        Assert.Equal(SectionTitles, Seed.Value.Bank.Categories.Select(c => c.Title));
    }

    [Fact]
    public void Import_SeedGuide_FindsDescriptionsAndAnswers()
    {
        var questions = Seed.Value.Guide.Questions.ToList();

        // The opening question and the five FAQ questions have no description and no answer label.
        Assert.Equal(30, questions.Count(q => q.Description is not null && q.AnswerSource == AnswerSource.Label));
        Assert.Equal([0, 31, 32, 33, 34, 35], questions.Select((q, i) => (q, i)).Where(x => x.q.AnswerSource == AnswerSource.FollowingText).Select(x => x.i));
        Assert.All(questions, q => Assert.True(q.Answer.Length > 200, q.Text));

        var drift = questions.Single(q => q.Text == "¿Qué es la deriva del modelo o del concepto?");
        Assert.Equal("Esta pregunta de la entrevista evalúa tus conocimientos sobre el impacto de la evolución de los datos en la precisión de los modelos y la importancia de supervisar y actualizar los modelos.", drift.Description);
        Assert.StartsWith("La deriva del modelo y la deriva del concepto se refieren a los cambios", drift.Answer, StringComparison.Ordinal);
        Assert.Contains("\n- Desviación del modelo: Esto ocurre cuando", drift.Answer, StringComparison.Ordinal);
        Assert.Equal(2, drift.ListItems);

        var tests = questions.Single(q => q.Text == "¿Qué pruebas deben realizarse antes de implementar un modelo de ML en producción?");
        Assert.Equal(7, tests.TableRows);
        Assert.Contains("\nPruebas unitarias | Verifica los componentes individuales del modelo, como los pasos de preprocesamiento y las funciones de extracción de características. | PyTest, unittest, scikit-learn (para transformaciones) | Durante el desarrollo, al implementar o actualizar componentes del modelo.", tests.Answer, StringComparison.Ordinal);

        var behavioural = questions.Single(q => q.Text.StartsWith("Describe una ocasión", StringComparison.Ordinal));
        Assert.Equal("Describe una ocasión en la que tuviste que solucionar un problema en un modelo en producción. ¿Qué medidas tomaste?", behavioural.Text);
        Assert.StartsWith("Se dio una situación en la que un modelo implementado en producción", behavioural.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SeedGuide_LeavesCaptionsAndCallsToActionOut()
    {
        var questions = Seed.Value.Guide.Questions.ToList();

        Assert.All(questions, q => Assert.DoesNotContain("Imagen", q.Answer, StringComparison.Ordinal));
        Assert.All(questions, q => Assert.DoesNotMatch(@"(?i)\bcursos?\b", q.Answer));
        Assert.Equal(6, questions.SelectMany(q => q.Skipped).Count(s => s.Kind == SkippedText.Caption));
        Assert.Equal(6, questions.SelectMany(q => q.Skipped).Count(s => s.Kind == SkippedText.CallToAction));
        // Content before a call to action in the same paragraph stays.
        Assert.Contains(questions, q => q.Answer.Contains("Docker es una herramienta fundamental que todo ingeniero de MLOps debería conocer.", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SeedGuide_DraftsABankThatValidatesAndScoresEveryModelAnswerAtLeast90()
    {
        var import = Seed.Value;

        Assert.True(import.Report.Valid, string.Join("\n", import.Report.Problems));
        Assert.Equal(36, import.Bank.Questions.Count);
        Assert.Equal("es", import.Bank.Language);
        var grader = new KeywordGrader();
        Assert.All(import.Bank.Questions, q => Assert.True(grader.Grade(new GradeRequest(import.Bank, q, q.ModelAnswer)).Score >= 90, q.Id));
        Assert.Equal(30, import.Report.Questions.Count(q => q.Confidence == "high"));
        Assert.Equal(6, import.Report.Questions.Count(q => q.Confidence == "medium"));
    }

    /// <summary>
    /// How many of the curated bank's key points a drafted key point matches: each drafted key point's text is graded, as an
    /// answer, against the curated question with the keyword grader; a curated key point it covers is matched.
    /// </summary>
    [Fact]
    public void Import_SeedGuide_DraftedKeyPointsMatchTheCuratedBank()
    {
        var curated = BankLoader.LoadOrThrow(Path.Combine(BankCatalog.DefaultRoot, "mlops-es"));
        var drafted = Seed.Value.Bank;
        var grader = new KeywordGrader();
        int curatedTotal = 0, curatedMatched = 0, draftedTotal = 0, draftedMatching = 0;
        foreach (var question in drafted.Questions)
        {
            var reference = curated.FindQuestionByText(question.Text);
            Assert.NotNull(reference);
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var keyPoint in question.KeyPoints)
            {
                var covered = grader.Grade(new GradeRequest(curated, reference, keyPoint.Text)).KeyPoints
                    .Where(k => k.Status == KeyPointStatus.Covered).Select(k => k.Id).ToList();
                draftedMatching += covered.Count > 0 ? 1 : 0;
                matched.UnionWith(covered);
            }
            draftedTotal += question.KeyPoints.Count;
            curatedTotal += reference.KeyPoints.Count;
            curatedMatched += matched.Count;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"curated key points matched by a drafted one: {curatedMatched}/{curatedTotal} ({100.0 * curatedMatched / curatedTotal:0.0}%); " +
            $"drafted key points matching a curated one: {draftedMatching}/{draftedTotal} ({100.0 * draftedMatching / draftedTotal:0.0}%)"));

        Assert.Equal(36, drafted.Questions.Count(q => curated.FindQuestionByText(q.Text) is not null));
        // Measured: 158 of 199 curated key points (79%); 174 of 441 drafted key points match one.
        Assert.True(curatedMatched >= 150, $"{curatedMatched}/{curatedTotal}");
    }

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
