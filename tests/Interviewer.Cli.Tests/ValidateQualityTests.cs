using static Interviewer.Cli.Tests.KeywordCli;

namespace Interviewer.Cli.Tests;

public sealed class ValidateQualityTests
{
    [Fact]
    public async Task Validate_SoundRubrics_ExitsZero()
    {
        var (exitCode, output, error) = await RunAsync("validate", Fixture("rubrics"));

        Assert.True(exitCode == 0, error);
        Assert.Contains("quality-ok v1: 1 questions, 4 key points: ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RubricThatItsModelAnswerDoesNotMeet_ExitsOneWithFileLineMessages()
    {
        var file = Fixture("rubrics-broken", "broken", "questions", "deploy.yaml");

        var (exitCode, _, error) = await RunAsync("validate", Fixture("rubrics-broken"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"{file}:1: question 'deploy': its model answer scores", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:26: key point 'deploy-monitoring': no phrase of the concept [monitorización, monitorizar, monitoring]", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:20: key point 'deploy-cicd': the phrase \"contenedores\" also counts for key point 'deploy-container'", error, StringComparison.Ordinal);
        Assert.Contains("rubric quality problem(s) found", error, StringComparison.Ordinal);
    }
}
