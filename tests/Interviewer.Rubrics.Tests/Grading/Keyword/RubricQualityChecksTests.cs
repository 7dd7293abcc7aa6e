using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

public sealed class RubricQualityChecksTests
{
    private static string Fixture(string bank) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "quality", bank);

    [Fact]
    public void Check_SoundBank_FindsNothing()
    {
        var bank = BankLoader.LoadOrThrow(Fixture("good"));

        Assert.Empty(RubricQualityChecks.Check(bank));
    }

    [Fact]
    public void Check_ModelAnswerBelow90_IsReportedAtTheQuestion()
    {
        var bank = BankLoader.LoadOrThrow(Fixture("broken"));
        var file = Path.Combine(Fixture("broken"), "questions", "deploy.yaml");

        var problems = RubricQualityChecks.Check(bank);

        var problem = Assert.Single(problems, p => p.Message.Contains("model answer scores", StringComparison.Ordinal));
        Assert.Equal(file, problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Contains("deploy-monitoring (missing, 0)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConceptTheModelAnswerDoesNotMatch_IsReportedAtItsLine()
    {
        var bank = BankLoader.LoadOrThrow(Fixture("broken"));

        var problems = RubricQualityChecks.Check(bank);

        var problem = Assert.Single(problems, p => p.Message.Contains("[monitorización, monitorizar, monitoring]", StringComparison.Ordinal));
        Assert.Equal(26, problem.Line);
        Assert.Contains("key point 'deploy-monitoring'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("no phrase of the concept", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PhraseSharedByTwoKeyPoints_IsReported()
    {
        var bank = BankLoader.LoadOrThrow(Fixture("broken"));

        var problems = RubricQualityChecks.Check(bank);

        var problem = Assert.Single(problems, p => p.Message.Contains("also counts for key point 'deploy-container'", StringComparison.Ordinal));
        Assert.Equal(20, problem.Line);
        Assert.Contains("\"contenedores\"", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("deploy.yaml:12): one mention would cover both; keep it in one key point", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PhrasesThatCannotMatchProperly_AreReported()
    {
        var bank = BankLoader.LoadOrThrow(Fixture("broken"));

        var problems = RubricQualityChecks.Check(bank);

        Assert.Contains(problems, p => p.Line == 28 && p.Message.Contains("\"de la\" has only function words", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 28 && p.Message.Contains("\"...\" has no words", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ProblemsPrintAsFileLineMessage()
    {
        var bank = BankLoader.LoadOrThrow(Fixture("broken"));

        var problems = RubricQualityChecks.Check(bank);

        Assert.All(problems, p => Assert.StartsWith($"{p.File}:{p.Line}: ", p.ToString(), StringComparison.Ordinal));
    }
}
