using System.Text.Json;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tests.Grading.Keyword;

namespace Interviewer.Rubrics.Tests.Grading;

public sealed class ScoringTests
{
    // Weights 3, 2, 2, 1, 2: a total of 10, so each weight point is 10 points of the score.
    private static readonly Question Deploy = KeywordFixtures.Deploy;

    [Fact]
    public void KeyPointGrade_StoredWithoutCredit_ScoresByItsStatus()
    {
        var json = """{"id":"deploy-container","text":"t","status":"partial","coverage":0.2,"evidence":[]}""";

        var grade = JsonSerializer.Deserialize<KeyPointGrade>(json, InterviewerJson.Options)!;

        Assert.Equal(0.5, grade.Credit);
        Assert.Equal(15, Scoring.Score(Deploy, [grade]));
    }

    [Fact]
    public void KeyPointGrade_WithCredit_RoundTripsAndScoresByIt()
    {
        var grade = Point("deploy-container", KeyPointStatus.Partial, credit: 0.7);

        var back = JsonSerializer.Deserialize<KeyPointGrade>(JsonSerializer.Serialize(grade, InterviewerJson.Options), InterviewerJson.Options)!;

        Assert.Equal(0.7, back.Credit);
        Assert.Equal(21, Scoring.Score(Deploy, [back]));
    }

    [Fact]
    public void Best_TakesTheMostCreditOverAnswers()
    {
        var first = Point("deploy-cicd", KeyPointStatus.Partial, credit: 0.8);
        var second = Point("deploy-cicd", KeyPointStatus.Partial, credit: 0.3);

        var best = Scoring.Best(Deploy, [[second], [first]]);

        Assert.Equal(0.8, best.Single(k => k.Id == "deploy-cicd").Credit);
    }

    [Fact]
    public void Capped_ScalesCreditsDownToTheCap_KeepingStatuses()
    {
        KeyPointGrade[] grades = [.. Deploy.KeyPoints.Select(k => Point(k.Id, KeyPointStatus.Covered, credit: 1))];

        var capped = Scoring.Capped(Deploy, grades, 40);

        Assert.Equal(40, Scoring.Score(Deploy, capped));
        Assert.All(capped, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
        Assert.Same(grades, Scoring.Capped(Deploy, grades, 100));
    }

    [Fact]
    public void QuestionScore_AppliesTheFirstAnswersAnchoring()
    {
        // Key points earn 30 (container); shifted by +20 → 50; weight 0.25 on closest 90: 0.75 × 50 + 0.25 × 90 = 60.
        var main = Grade([Point("deploy-container", KeyPointStatus.Covered, credit: 1)]) with { Anchoring = new GradeAnchoring(20, 0.25, 90) };
        // A follow-up covering rollback (weight 1) adds 10 to the key-point part: 0.75 × 60 + 22.5 = 67.5.
        var followUp = Grade([Point("deploy-rollback", KeyPointStatus.Covered, credit: 1)]) with { Anchoring = new GradeAnchoring(-50, 1, 0) };

        Assert.Equal(60, Scoring.QuestionScore(Deploy, [main]));
        Assert.Equal(67.5, Scoring.QuestionScore(Deploy, [main, followUp]));
        Assert.Equal(30, Scoring.QuestionScore(Deploy, [Grade([Point("deploy-container", KeyPointStatus.Covered, credit: 1)])]));
    }

    [Fact]
    public void GradeAnchoring_ClampsTheShiftedScore()
    {
        Assert.Equal(100, new GradeAnchoring(30, 0, 50).Apply(90));
        Assert.Equal(0, new GradeAnchoring(-30, 0, 50).Apply(10));
        Assert.Equal(75, new GradeAnchoring(30, 0.5, 50).Apply(90));
    }

    private static KeyPointGrade Point(string id, KeyPointStatus status, double credit) =>
        new(id, id, status, credit, []) { Credit = credit };

    private static GradeResult Grade(IReadOnlyList<KeyPointGrade> keyPoints) =>
        new(Deploy.Id, 0, GraderNames.Keyword, false, new BankRef("test", 1), keyPoints, null, "", []);
}
