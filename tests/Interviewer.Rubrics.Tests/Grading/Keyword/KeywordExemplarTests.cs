using System.Text.Json;
using System.Text.RegularExpressions;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

public sealed partial class KeywordExemplarTests
{
    // A rubric none of these answers touch, so every rubric score is 0 and the figures can be worked out by hand.
    private static readonly Question Unrelated = KeywordFixtures.WithConcepts(["kubernetes"]);

    [Fact]
    public void Grade_ShippedBankWithoutExemplars_IsByteForByteTheGradeBeforeExemplars()
    {
        // The expected lines were written by the grader as it was before exemplars existed (Fixtures/shipped-bank-grades.jsonl),
        // and before key points stated their credit: that field is the only one added since.
        var bank = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")!;
        Assert.All(bank.Questions, q => Assert.Empty(q.Exemplars));
        var answers = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shipped-bank-answers.jsonl"));
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shipped-bank-grades.jsonl"));
        Assert.Equal(144, answers.Length);
        var grader = new KeywordGrader();
        for (var i = 0; i < answers.Length; i++)
        {
            using var row = JsonDocument.Parse(answers[i]);
            var question = bank.FindQuestion(row.RootElement.GetProperty("question_id").GetString()!)!;
            var answer = row.RootElement.GetProperty("answer").GetString()!;
            var item = new BatchItem(i + 1, row.RootElement.GetProperty("id").GetString(), null, question.Id, question, answer);

            var grade = grader.Grade(new GradeRequest(bank, question, answer));

            var json = JsonSerializer.Serialize(BatchResult.Graded(item, grade), InterviewerJson.Options);
            Assert.Equal(expected[i], CreditField().Replace(json, string.Empty));
        }
    }

    [Fact]
    public void Grade_AnswerLikeAnExemplar_BlendsItsScoreWithTheShiftedRubricScore()
    {
        var question = Unrelated with
        {
            Exemplars =
            [
                new Exemplar("good", "apples bananas cherries", 4, 5),
                new Exemplar("poor", "grapes melons kiwis", 0, 5),
            ],
        };

        var grade = KeywordFixtures.Grade(question, "apples bananas cherries");

        // Shift: mean(team − rubric) = (0.8 + 0) / 2 = 0.4. Only "good" shares words (similarity 1): trust = 1 / (1 + 0.5).
        // Score = 100 × (1/3 × 0.4 + 2/3 × 0.8) = 66.7.
        Assert.Equal(66.7, grade.Score);
        Assert.Equal([new GradeAnchor("good", 4, 5, 1)], grade.Anchors);
        Assert.Equal(KeyPointStatus.Missing, grade.KeyPoints.Single().Status);
    }

    [Fact]
    public void Grade_WhereTheTeamsAnswersShowNeighboursPredictTheirScores_LeansOnTheNeighbours()
    {
        var question = Unrelated with
        {
            Exemplars =
            [
                new Exemplar("a1", "apples cherries", 5, 5),
                new Exemplar("a2", "apples melons", 5, 5),
                new Exemplar("b1", "kiwis lemons", 0, 5),
                new Exemplar("b2", "kiwis plums", 0, 5),
            ],
        };

        var grade = KeywordFixtures.Grade(question, "apples cherries");

        // Each exemplar graded from the other three: shift (2 − own) / 3, its one neighbour (similarity ½) has its score,
        // so d = near − mapped = team − mapped = ±⅔ each time: Σ d·(team − mapped) = Σ d² = 16/9.
        // Neighbours a1 (1) and a2 (½): prior 1.5 / 2 = 0.75; weight (16/9 + 0.75) / (16/9 + 1) = 0.91.
        // Score = 0.09 × (0 + 50) + 0.91 × 100 = 95.5 (the prior alone would give 87.5).
        Assert.Equal(new GradeAnchoring(50, 0.91, 100), grade.Anchoring);
        Assert.Equal(95.5, grade.Score);
    }

    [Fact]
    public void Grade_WhereNeighboursNeverPredictedTheTeamsScores_LeansOnTheRubric()
    {
        var question = Unrelated with
        {
            Exemplars =
            [
                new Exemplar("a1", "apples cherries", 5, 5),
                new Exemplar("a2", "apples melons", 0, 5),
                new Exemplar("b1", "kiwis lemons", 5, 5),
                new Exemplar("b2", "kiwis plums", 0, 5),
            ],
        };

        var grade = KeywordFixtures.Grade(question, "apples cherries");

        // Every exemplar's one neighbour has the opposite score: Σ d·(team − mapped) = −8/9, Σ d² = 4/9, so the
        // least-squares share is below 0 even with the prior (0.75) added: weight 0, the shifted rubric score alone.
        Assert.Equal(new GradeAnchoring(50, 0, 66.7), grade.Anchoring);
        Assert.Equal(50, grade.Score);
        Assert.Equal(["a1", "a2"], grade.Anchors!.Select(a => a.ExemplarId));
    }

    [Fact]
    public void Grade_KeywordListWithExemplars_IsNotAnchoredAndStaysCapped()
    {
        var question = KeywordFixtures.Deploy with
        {
            Exemplars =
            [
                new Exemplar("full", "Empaqueto el modelo en un contenedor Docker, lo despliego con un pipeline de CI/CD y monitorizo las métricas.", 5, 5),
                new Exemplar("list", "contenedor, docker, despliegue, pipeline, monitorización, métricas", 5, 5),
            ],
        };

        var grade = KeywordFixtures.Grade(question, "contenedor, docker, despliegue, ci/cd, pipeline, monitorización, métricas, rollback, deriva, datos de producción", KeywordFixtures.SpanishBank);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.Null(grade.Anchoring);
        Assert.Null(grade.Anchors);
        Assert.True(grade.Score <= KeywordGraderOptions.Default.KeywordStuffingCap, $"score {grade.Score}");
    }

    [Fact]
    public void QuestionScore_OfAnAnchoredAnswer_IsItsScore_AndAFollowUpRaisesTheKeyPointPart()
    {
        var question = KeywordFixtures.Deploy with
        {
            Exemplars =
            [
                new Exemplar("e1", "Empaqueto el modelo en un contenedor y lo despliego con un pipeline.", 2, 5),
                new Exemplar("e2", "Lo pongo en un servidor.", 1, 5),
                new Exemplar("e3", "Uso Docker y un pipeline de CI/CD, y vigilo las métricas en producción.", 3, 5),
            ],
        };
        var main = KeywordFixtures.Grade(question, "Empaqueto el modelo en un contenedor Docker y lo despliego con un pipeline de CI/CD.", KeywordFixtures.SpanishBank);
        var followUp = KeywordFixtures.Grade(question, "Monitorizo las métricas de latencia y precisión del modelo.", KeywordFixtures.SpanishBank);
        var anchoring = main.Anchoring!;

        var alone = Scoring.QuestionScore(question, [main]);
        var both = Scoring.QuestionScore(question, [main, followUp]);

        Assert.Equal(main.Score, alone);
        // The follow-up covers the monitoring key point (weight 2 of 10): the key-point part rises by 20 points and the
        // question's score by the part of it the anchoring keeps, (1 − weight) × 20 (this team is harsher than the rubric,
        // so the shifted score stays under 100).
        Assert.Equal(KeyPointStatus.Covered, KeywordFixtures.KeyPointOf(followUp, "deploy-monitoring").Status);
        Assert.Equal(main.Score + ((1 - anchoring.Weight) * 20), both, tolerance: 0.1);
    }

    [Fact]
    public void Grade_AnswerLikeNoExemplar_GetsTheShiftedRubricScoreAndNoAnchor()
    {
        var question = Unrelated with { Exemplars = [new Exemplar("a", "apples bananas", 3, 5), new Exemplar("b", "grapes melons", 1, 5)] };

        var grade = KeywordFixtures.Grade(question, "tomatoes onions peppers");

        Assert.Equal(40, grade.Score);
        Assert.NotNull(grade.Anchors);
        Assert.Empty(grade.Anchors);
    }

    [Fact]
    public void Grade_WithManyExemplars_AnchorsOnTheThreeMostSimilar()
    {
        var question = Unrelated with
        {
            Exemplars =
            [
                new Exemplar("far", "apples zebras lions tigers bears wolves", 1, 5),
                new Exemplar("same", "apples bananas cherries", 5, 5),
                new Exemplar("two", "apples bananas lions", 4, 5),
                new Exemplar("none", "grapes melons kiwis", 0, 5),
                new Exemplar("one", "apples lions tigers", 2, 5),
            ],
        };

        var grade = KeywordFixtures.Grade(question, "apples bananas cherries");

        Assert.Equal(["same", "two", "one"], grade.Anchors!.Select(a => a.ExemplarId));
        Assert.Equal(1, grade.Anchors![0].Similarity);
        Assert.True(grade.Anchors[1].Similarity > grade.Anchors[2].Similarity);
    }

    [Fact]
    public void Grade_EmptyAnswerWithExemplars_IsStillZeroWithoutAnchors()
    {
        var question = Unrelated with { Exemplars = [new Exemplar("a", "apples", 5, 5)] };

        var grade = KeywordFixtures.Grade(question, "  ");

        Assert.Equal(0, grade.Score);
        Assert.Null(grade.Anchors);
        Assert.Contains(GradeFlags.Empty, grade.Flags);
    }

    [Fact]
    public void GradeJson_WithoutExemplars_HasNoAnchorsField_AndWithThemListsEach()
    {
        var plain = KeywordFixtures.Grade(Unrelated, "apples");
        var anchored = KeywordFixtures.Grade(Unrelated with { Exemplars = [new Exemplar("e1", "apples", 5, 5)] }, "apples");

        Assert.DoesNotContain("anchors", JsonSerializer.Serialize(plain, InterviewerJson.Options), StringComparison.Ordinal);
        Assert.Contains("\"anchors\":[{\"exemplarId\":\"e1\",\"score\":5,\"maxScore\":5,\"similarity\":1}]",
            JsonSerializer.Serialize(anchored, InterviewerJson.Options), StringComparison.Ordinal);
    }

    [GeneratedRegex(@",""credit"":[0-9.]+")]
    private static partial Regex CreditField();
}
