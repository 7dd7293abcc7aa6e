using System.Text.Json;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Calibration.Diagnostics;
using Interviewer.Rubrics.Calibration.Input;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Tests.Calibration;

public sealed class DiagnosticsTests
{
    private static readonly string FixtureBank = Path.Combine(AppContext.BaseDirectory, "Fixtures", "calibration", "calib");

    private static string CopyBank()
    {
        var target = Path.Combine(TestRun.Folder("calib").FullName, "calib");
        Directory.CreateDirectory(Path.Combine(target, "questions"));
        foreach (var file in Directory.GetFiles(FixtureBank, "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(FixtureBank, file)));
        }
        return target;
    }

    private static async Task<List<GradedCalibrationAnswer>> GradeAsync(QuestionBank bank, IEnumerable<(string Id, string Answer, double Score)> rows)
    {
        var grader = new KeywordGrader();
        var question = bank.FindQuestion("testing")!;
        var graded = new List<GradedCalibrationAnswer>();
        foreach (var (id, answer, score) in rows)
        {
            var grade = await grader.GradeAsync(new GradeRequest(bank, question, answer));
            graded.Add(new GradedCalibrationAnswer(new CalibrationAnswer(id, question, false, answer, 5, [new HumanScore("", score, graded.Count + 1)]), grade));
        }
        return graded;
    }

    // High-scored answers talk about "regressions", which no concept knows; low-scored answers do not.
    private static readonly (string, string, double)[] Answers =
    [
        ("h1", "Tests catch regressions early, so you can refactor.", 5),
        ("h2", "They catch regressions early before users see them.", 5),
        ("h3", "Regressions show up early; you can refactor.", 4),
        ("h4", "Tests stop regressions early and let you refactor.", 5),
        ("l1", "Because the manager says so.", 1),
        ("l2", "Tests are nice to have early.", 2),
        ("l3", "To refactor.", 2),
        ("l4", "I do not know.", 0),
    ];

    [Fact]
    public async Task CandidatePhrases_FindWordsOfHighScoredAnswersThatNoConceptMatches()
    {
        var bank = BankLoader.LoadOrThrow(FixtureBank);
        var graded = await GradeAsync(bank, Answers);

        var candidates = CandidatePhraseFinder.Find(graded);
        var suggestions = CandidatePhraseFinder.Suggest(graded, candidates);

        var regressions = Assert.Single(candidates, c => c.Phrase == "regressions");
        Assert.Equal(4, regressions.HighCount);
        Assert.Equal(0, regressions.LowCount);
        Assert.NotEmpty(regressions.ExampleAnswerIds);
        var suggestion = Assert.Single(suggestions, s => s.Phrase == "regressions");
        Assert.Equal("testing-defects", suggestion.KeyPointId);
        Assert.Equal(0, suggestion.ConceptIndex);
    }

    [Fact]
    public async Task CandidatePhrases_KeepTheAnswersAccents_AndLandOnTheKeyPointTheyAreAbout()
    {
        // Answers name the statistical shift without the rubric's word "distribución"; the heavier key point is retraining.
        var question = new Question("deriva", "basics", "¿Qué es la deriva de datos?", "Deriva.", "La distribución cambia.",
        [
            new KeyPoint("deriva-distribucion", "La distribución estadística de los datos cambia.", 1, [new Concept(["distribución"])], "¿Qué cambia?"),
            new KeyPoint("deriva-reentreno", "Hay que reentrenar el modelo.", 2, [new Concept(["reentrenar"])], "¿Y entonces?"),
        ]);
        var bank = new QuestionBank("es-bank", "Banco", "es", 1, [new Category("basics", "Básico")], [question]);
        var rows = new (string Id, string Answer, double Score)[]
        {
            ("h1", "Hay un desfase estadístico entre los datos de producción y los de entrenamiento.", 5),
            ("h2", "El desfase estadístico aparece cuando cambian los datos.", 5),
            ("h3", "Se nota un desfase estadistico con el tiempo.", 5),
            ("l1", "No lo sé.", 1),
            ("l2", "Es un fallo del código.", 1),
        };
        var grader = new KeywordGrader();
        var graded = new List<GradedCalibrationAnswer>();
        foreach (var (id, answer, score) in rows)
        {
            var grade = await grader.GradeAsync(new GradeRequest(bank, question, answer));
            graded.Add(new GradedCalibrationAnswer(new CalibrationAnswer(id, question, false, answer, 5, [new HumanScore("", score, graded.Count + 1)]), grade));
        }

        var candidates = CandidatePhraseFinder.Find(graded);
        var suggestions = CandidatePhraseFinder.Suggest(graded, candidates);

        Assert.Contains(candidates, c => c.Phrase.Contains("estadístico", StringComparison.Ordinal));
        Assert.DoesNotContain(candidates, c => c.Phrase.Contains("estadistico", StringComparison.Ordinal));
        var suggestion = Assert.Single(suggestions, s => s.Phrase!.Contains("estadístico", StringComparison.Ordinal));
        Assert.Equal("deriva-distribucion", suggestion.KeyPointId);
    }

    [Fact]
    public async Task WhatIf_ApplyingTheSuggestion_RaisesAgreementAndBumpsTheVersion_WithoutTouchingTheBank()
    {
        var bank = BankLoader.LoadOrThrow(FixtureBank);
        var graded = await GradeAsync(bank, Answers);
        var before = CalibrationAnalyzer.Analyze(bank.Ref, "keyword", graded, [], graded.Count);
        var suggestion = before.Suggestions.First(s => s.Phrase == "regressions");

        var (after, _) = await WhatIf.RunAsync(new KeywordGrader(), bank, graded, before, [suggestion], []);

        Assert.Equal(bank.Version + 1, after.Bank.Version);
        Assert.Equal([suggestion], after.WhatIf!.Applied);
        Assert.True(after.Overall.Pearson.Value > before.Overall.Pearson.Value);
        Assert.DoesNotContain("regressions", bank.FindQuestion("testing")!.KeyPoints[0].Concepts[0].Phrases);
    }

    [Fact]
    public void ApplyToFiles_AddsPhrasesAndWeights_KeepsComments_AndBumpsTheVersion()
    {
        var copy = CopyBank();
        RubricSuggestion[] suggestions =
        [
            new("s1", RubricSuggestion.AddPhrase, "testing", "testing-defects", ConceptIndex: 0, Phrase: "regressions"),
            new("s2", RubricSuggestion.SetWeight, "testing", "testing-change", Weight: 2.5),
            new("s3", RubricSuggestion.AddPhrase, "prototype", "prototype-simulate", ConceptIndex: 0, Phrase: "imitate: roughly"),
        ];
        var original = BankLoader.LoadOrThrow(copy);

        var changed = RubricEdits.ApplyToFiles(copy, suggestions);

        var edited = BankLoader.LoadOrThrow(copy);
        Assert.Equal(3, changed.Count);
        Assert.Equal(original.Version + 1, edited.Version);
        Assert.Contains("regressions", edited.FindQuestion("testing")!.KeyPoints[0].Concepts[0].Phrases);
        Assert.Equal(2.5, edited.FindQuestion("testing")!.KeyPoints[1].Weight);
        Assert.Contains("imitate: roughly", edited.FindQuestion("prototype")!.KeyPoints[0].Concepts[0].Phrases);
        Assert.Contains("# the main point", File.ReadAllText(Path.Combine(copy, "questions", "testing.yaml")), StringComparison.Ordinal);
        // The file edit and the in-memory what-if give the same rubric.
        var (inMemory, applied, _) = RubricEdits.Apply(original.Questions.ToDictionary(q => q.Id), suggestions);
        Assert.Equal(3, applied.Count);
        foreach (var question in edited.Questions)
        {
            Assert.Equal(
                question.KeyPoints.Select(k => (k.Weight, string.Join("|", k.Concepts.SelectMany(c => c.Phrases)))),
                inMemory[question.Id].KeyPoints.Select(k => (k.Weight, string.Join("|", k.Concepts.SelectMany(c => c.Phrases)))));
        }
    }

    [Fact]
    public void Apply_WithUnknownKeyPointOrConcept_RejectsThatSuggestionAndSaysWhy()
    {
        var bank = BankLoader.LoadOrThrow(FixtureBank);
        RubricSuggestion[] suggestions =
        [
            new("s1", RubricSuggestion.AddPhrase, "testing", "nope", ConceptIndex: 0, Phrase: "x"),
            new("s2", RubricSuggestion.AddPhrase, "testing", "testing-defects", ConceptIndex: 9, Phrase: "x"),
            new("s3", RubricSuggestion.SetWeight, "testing", "testing-change", Weight: -1),
        ];

        var (_, applied, rejected) = RubricEdits.Apply(bank.Questions.ToDictionary(q => q.Id), suggestions);

        Assert.Empty(applied);
        Assert.Collection(rejected,
            r => Assert.Contains("no key point 'nope'", r.Message, StringComparison.Ordinal),
            r => Assert.Contains("conceptIndex 9", r.Message, StringComparison.Ordinal),
            r => Assert.Contains("greater than 0", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void RaterColumns_TurnScoreAAndScoreBIntoTwoRaterRows_IgnoringDerivedColumns()
    {
        var row = new TabularRow(7, new Dictionary<string, string?>
        {
            ["answer"] = "x", ["score"] = "3.5", ["score_a"] = "3", ["score_b"] = "4", ["score_ab_mean"] = "3.5", ["score_a_raw"] = "3",
        });

        var rows = RaterColumns.Expand([row]).ToList();

        Assert.Equal([("a", "3"), ("b", "4")], rows.Select(r => (r.Get("rater")!, r.Get("score")!)));
        Assert.All(rows, r => Assert.Equal(7, r.Line));
    }

    [Fact]
    public async Task Analyze_WhenEveryHumanScoreIsEqual_SaysCorrelationIsUndefined_AndWritesNoNaN()
    {
        var bank = BankLoader.LoadOrThrow(FixtureBank);
        var graded = await GradeAsync(bank, Answers.Select(a => (a.Item1, a.Item2, 3.0)));

        var report = CalibrationAnalyzer.Analyze(bank.Ref, "keyword", graded, [], graded.Count);
        var json = JsonSerializer.Serialize(report, InterviewerJson.Options);

        Assert.Null(report.Overall.Pearson.Value);
        Assert.Contains("same score", report.Overall.Pearson.Reason, StringComparison.Ordinal);
        Assert.Null(report.Raters);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.Contains("\"qwk\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_ASecondScoreFromTheSameRater_IsReportedWithItsLine()
    {
        var bank = BankLoader.LoadOrThrow(FixtureBank);
        var question = bank.FindQuestion("testing")!;
        var grade = await new KeywordGrader().GradeAsync(new GradeRequest(bank, question, "bugs early"));
        ScoredRow[] rows =
        [
            new(2, "a1", question, false, "bugs early", 4, 5, "ann", [], grade),
            new(3, "a1", question, false, "bugs early", 5, 5, "bob", [], grade),
            new(4, "a1", question, false, "bugs early", 1, 5, "ann", [], grade),
        ];

        var (answers, problems) = CalibrationAnswers.Group(rows);

        var answer = Assert.Single(answers);
        Assert.Equal(4.5, answer.Answer.HumanMean);
        var problem = Assert.Single(problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("already scored", problem.Message, StringComparison.Ordinal);
    }
}
