using Interviewer.Rubrics.Loading;
using static Interviewer.Cli.Tests.KeywordCli;

namespace Interviewer.Cli.Tests;

public sealed class DraftCommandTests
{
    [Fact]
    public async Task Draft_Csv_WritesABankThatValidates()
    {
        var root = TestRun.Folder("draft-cli").FullName;
        try
        {
            var folder = Path.Combine(root, "borradores");

            var (exitCode, output, error) = await RunAsync("draft", Fixture("questions.csv"), "--out", folder);

            Assert.True(exitCode == 0, error);
            Assert.Contains("drafted 2 question(s)", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "bank.yaml")));
            Assert.Equal(["drift.yaml", "versioning.yaml"], Directory.GetFiles(Path.Combine(folder, "questions")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
            var bank = BankLoader.LoadOrThrow(folder);
            Assert.Equal("borradores", bank.Id);
            Assert.Equal("es", bank.Language);
            Assert.Equal("fundamentals", bank.Questions[0].Category);

            var validate = await RunAsync("validate", root);
            Assert.True(validate.ExitCode == 0, validate.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Draft_RowWithoutReferenceAnswer_IsReportedWithItsLine()
    {
        var root = TestRun.Folder("draft-cli").FullName;
        try
        {
            var (_, _, error) = await RunAsync("draft", Fixture("questions.csv"), "--out", Path.Combine(root, "b"));

            Assert.Contains("questions.csv:4: no reference_answer", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Draft_InputWithNothingToDraft_IsAnInputErrorExitingTwo()
    {
        var root = TestRun.Folder("draft-cli").FullName;
        try
        {
            var input = Path.Combine(root, "empty.csv");
            await File.WriteAllTextAsync(input, "question,reference_answer\n¿Qué?,\n");

            var (exitCode, _, error) = await RunAsync("draft", input, "--out", Path.Combine(root, "b"));

            Assert.Equal(2, exitCode);
            Assert.Contains("no question with a reference answer", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
