using System.Text.Json;
using Interviewer.Rubrics.Loading;
using static Interviewer.Cli.Tests.KeywordCli;

namespace Interviewer.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "import", "mlops-guide-es.txt");

    private readonly string _root = TestRun.Folder("import-cli").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Import_SeedGuide_WritesABankThatValidatesAndPrintsTheReview()
    {
        var folder = Path.Combine(_root, "mlops-import");

        var (exit, output, error) = await RunAsync("import", Seed, "--out", folder, "--title", "Entrevista de MLOps");

        Assert.True(exit == 0, error);
        Assert.StartsWith("36 question(s) found in 5 section(s), 36 drafted (txt, \"Curso\")", output, StringComparison.Ordinal);
        Assert.Contains("Preguntas frecuentes (preguntas-frecuentes)", output, StringComparison.Ordinal);
        Assert.Contains("left out: 6 caption, 6 call to action", output, StringComparison.Ordinal);
        Assert.Contains("the drafted bank validates", output, StringComparison.Ordinal);
        Assert.Contains($"37 file(s) written into {folder}", output, StringComparison.Ordinal);
        var bank = BankLoader.LoadOrThrow(folder);
        Assert.Equal("mlops-import", bank.Id);
        Assert.Equal("Entrevista de MLOps", bank.Title);
        Assert.Equal(36, bank.Questions.Count);

        var validate = await RunAsync("validate", folder);
        Assert.True(validate.ExitCode == 0, validate.Error);
        var show = await RunAsync("--rubrics", _root, "bank", "show", "mlops-import", "--format", "json");
        Assert.True(show.ExitCode == 0, show.Error);
    }

    [Fact]
    public async Task Import_FormatJson_WritesOnlyJsonOnStdout()
    {
        var folder = Path.Combine(_root, "seed");

        var (exit, output, error) = await RunAsync("import", Seed, "--out", folder, "--id", "mlops-copy", "--language", "es", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("mlops-copy", json.RootElement.GetProperty("bank").GetProperty("id").GetString());
        var report = json.RootElement.GetProperty("report");
        Assert.Equal(36, report.GetProperty("questionsFound").GetInt32());
        Assert.True(report.GetProperty("valid").GetBoolean());
        var first = report.GetProperty("questions")[0];
        Assert.Equal("¿Qué es MLOps y por qué es importante?", first.GetProperty("text").GetString());
        Assert.Equal("followingText", first.GetProperty("answer").GetString());
        Assert.Equal("medium", first.GetProperty("confidence").GetString());
        Assert.Equal("no_description", first.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal(folder, json.RootElement.GetProperty("savedTo").GetString());
        Assert.Contains("37 file(s) written", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IntoAnExistingBank_NeedsForce()
    {
        var folder = Path.Combine(_root, "again");
        Assert.Equal(0, (await RunAsync("import", Seed, "--out", folder)).ExitCode);

        var refused = await RunAsync("import", Seed, "--out", folder);
        var forced = await RunAsync("import", Seed, "--out", folder, "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: {folder} already holds a bank; use --force to replace it, or choose another --out.", refused.Error.Trim());
        Assert.True(forced.ExitCode == 0, forced.Error);
    }

    [Fact]
    public async Task Import_MissingDocument_IsAnInputError()
    {
        var missing = Path.Combine(_root, "nope.md");

        var (exit, _, error) = await RunAsync("import", missing);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {missing} not found.", error.Trim());
    }

    [Fact]
    public async Task Import_UnsupportedOrUnreadableDocument_SaysWhy()
    {
        var odt = Path.Combine(_root, "guide.odt");
        var pdf = Path.Combine(_root, "guide.pdf");
        await File.WriteAllTextAsync(odt, "x");
        await File.WriteAllTextAsync(pdf, "this is text, not a PDF");

        var unsupported = await RunAsync("import", odt, "--out", Path.Combine(_root, "a"));
        var unreadable = await RunAsync("import", pdf, "--out", Path.Combine(_root, "b"));

        Assert.Equal(2, unsupported.ExitCode);
        Assert.Equal("error: guide.odt: unknown document type '.odt'; supported: .txt, .md, .html, .docx, .pdf.", unsupported.Error.Trim());
        Assert.Equal(2, unreadable.ExitCode);
        Assert.StartsWith("error: guide.pdf: the file is not a readable PDF document", unreadable.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "b")));
    }

    [Theory]
    [InlineData("--language", "fr")]
    [InlineData("--format", "xml")]
    [InlineData("--unknown", "x")]
    public async Task Import_BadOption_IsAUsageError(string option, string value)
    {
        var (exit, _, _) = await RunAsync("import", Seed, option, value);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Import_Help_ListsTheOptionsAndExitCodes()
    {
        var (exit, output, _) = await RunAsync("import", "--help");

        Assert.Equal(0, exit);
        Assert.All(["--out", "--id", "--title", "--language", "--format", "--force", "--refine"], o => Assert.Contains(o, output, StringComparison.Ordinal));
        Assert.Contains("Exit codes: 0 the bank was written and validates", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutOut_WritesIntoTheWorkingFolderUnderTheId()
    {
        var run = await CliRun.InvokeAsync(CliRun.Environment(workingDirectory: _root), "import", Seed, "--id", "mine");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("mine", BankLoader.LoadOrThrow(Path.Combine(_root, "mine")).Id);
    }

    [Fact]
    public async Task Import_RefineWithoutAnLlm_IsAUsageError()
    {
        var folder = Path.Combine(_root, "refined");

        var (exit, _, error) = await RunAsync("import", Seed, "--out", folder, "--refine");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --refine needs an LLM: set Interviewer:Llm:Provider", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Import_Refine_KeepsTheModelsKeyPointsThatValidateAndTheDraftElsewhere()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync();
        var guide = Path.Combine(_root, "guide.txt");
        await File.WriteAllTextAsync(guide, """
            ¿Qué es la deriva del modelo?
            Respuesta: La deriva ocurre cuando los datos de producción se alejan de los de entrenamiento; se detecta monitorizando métricas y se corrige reentrenando.
            ¿Qué es Docker?
            Respuesta: Docker empaqueta una aplicación con sus dependencias en un contenedor que se ejecuta igual en cualquier máquina.
            """);
        var proposal = JsonSerializer.Serialize(new
        {
            key_points = new object[]
            {
                new { text = "Los datos de producción se alejan de los de entrenamiento.", weight = 2, concepts = new[] { new[] { "datos de producción", "production data" }, new[] { "entrenamiento", "training" } }, follow_up = "¿Qué cambia en los datos?" },
                new { text = "Se detecta con métricas y se corrige reentrenando.", weight = 1, concepts = new[] { new[] { "métricas", "metrics" }, new[] { "reentrenando", "retraining" } }, follow_up = "¿Cómo la detectas?" },
            },
        });
        server.Enqueue(ScriptedReply.Completion(proposal), ScriptedReply.Completion("Lo siento, no puedo."));
        var environment = CliRun.Environment(new Dictionary<string, string>
        {
            ["Interviewer__Llm__Provider"] = "OpenAI",
            ["Interviewer__Llm__Endpoint"] = server.OpenAiEndpoint,
            ["Interviewer__Llm__Model"] = "scripted-model",
            ["Interviewer__Llm__RetryBaseDelay"] = "00:00:00",
        });
        var folder = Path.Combine(_root, "refined");

        var run = await CliRun.InvokeAsync(environment, "import", guide, "--out", folder, "--refine");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("refining 2 question(s) with the model", run.Error, StringComparison.Ordinal);
        Assert.Contains("(refined)", run.Out, StringComparison.Ordinal);
        Assert.Contains("#2 que-es-docker: draft kept: the proposal is not usable: the reply is not JSON", run.Out, StringComparison.Ordinal);
        Assert.Contains("refined: 1 of 2 question(s)", run.Out, StringComparison.Ordinal);
        var bank = BankLoader.LoadOrThrow(folder);
        var drift = bank.Questions.Single(q => q.Id == "que-es-la-deriva-del-modelo");
        Assert.Equal(["datos de producción", "production data"], drift.KeyPoints[0].Concepts[0].Phrases);
        Assert.Equal(2, server.Requests.Count);

        server.Enqueue(ScriptedReply.Error(400), ScriptedReply.Completion(proposal));
        var json = await CliRun.InvokeAsync(environment, "import", guide, "--out", Path.Combine(_root, "again"), "--refine", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var report = JsonDocument.Parse(json.Out);
        var questions = report.RootElement.GetProperty("report").GetProperty("questions");
        Assert.False(questions[0].GetProperty("refinement").GetProperty("refined").GetBoolean());
        Assert.StartsWith("the model gave no proposal (rejected: ", questions[0].GetProperty("refinement").GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Docker's answer never says "training": the proposal does not validate for it either.
        Assert.StartsWith("the proposal does not validate: ", questions[1].GetProperty("refinement").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
