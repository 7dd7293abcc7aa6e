using System.Text.Json;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

public sealed class KeywordExemplarTests
{
    // A rubric none of these answers touch, so every rubric score is 0 and the figures can be worked out by hand.
    private static readonly Question Unrelated = KeywordFixtures.WithConcepts(["kubernetes"]);

    [Fact]
    public void Grade_ShippedBankWithoutExemplars_IsByteForByteTheGradeBeforeExemplars()
    {
        // The expected lines were written by the grader as it was before exemplars existed (Fixtures/shipped-bank-grades.jsonl).
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

            Assert.Equal(expected[i], JsonSerializer.Serialize(BatchResult.Graded(item, grade), InterviewerJson.Options));
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
}
