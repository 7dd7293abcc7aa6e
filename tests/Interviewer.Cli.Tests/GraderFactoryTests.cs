using System.CommandLine;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.Configuration;

namespace Interviewer.Cli.Tests;

public sealed class GraderFactoryTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>Runs <paramref name="action"/> as a command's action and returns what it wrote on stderr.</summary>
    private static async Task<(int Exit, string Error)> RunAsync(Func<ParseResult, Task<int>> action)
    {
        var command = new RootCommand();
        command.SetAction((result, _) => action(result));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command.Parse([]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, error.ToString());
    }

    [Fact]
    public void LoadConfiguration_ReadsInterviewerEnvironmentVariables()
    {
        var environment = CliRun.Environment(new Dictionary<string, string>
        {
            ["Interviewer__Llm__Provider"] = "OpenAI",
            ["Interviewer__Llm__Endpoint"] = "http://localhost:11434/v1",
            ["PATH"] = "/usr/bin",
        });

        var configuration = GraderFactory.LoadConfiguration(environment: environment);

        Assert.Equal("OpenAI", configuration["Interviewer:Llm:Provider"]);
        Assert.Equal("http://localhost:11434/v1", configuration["Interviewer:Llm:Endpoint"]);
        Assert.Null(configuration["PATH"]);
    }

    [Fact]
    public void LoadConfiguration_WithASettingsFile_LetsTheEnvironmentWin()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                { "Interviewer": { "Llm": { "Provider": "OpenAI", "Model": "from-file", "MaxRetries": 5 }, "Grader": { "Default": "llm" } } }
                """);
            var environment = CliRun.Environment(new Dictionary<string, string> { ["Interviewer__Llm__Model"] = "from-environment" });

            var configuration = GraderFactory.LoadConfiguration(file, environment);

            Assert.Equal("OpenAI", configuration["Interviewer:Llm:Provider"]);
            Assert.Equal("from-environment", configuration["Interviewer:Llm:Model"]);
            Assert.Equal("5", configuration["Interviewer:Llm:MaxRetries"]);
            Assert.Equal("llm", configuration["Interviewer:Grader:Default"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TryCreate_WithoutSettings_GivesTheKeywordGrader()
    {
        var (exit, error) = await RunAsync(async result =>
        {
            await using var graders = GraderFactory.TryCreate(result, Settings());
            return graders?.Registry.DefaultName == GraderNames.Keyword ? 0 : 1;
        });

        Assert.Equal(0, exit);
        Assert.Empty(error);
    }

    [Fact]
    public async Task TryCreate_WithAnOpenAiCompatibleServer_GivesTheLlmAndDualGraders()
    {
        var (exit, _) = await RunAsync(async result =>
        {
            await using var graders = GraderFactory.TryCreate(result, Settings(
                ("Interviewer:Llm:Provider", "OpenAI"), ("Interviewer:Llm:Endpoint", "http://localhost:11434/v1"), ("Interviewer:Llm:Model", "llama3.1:8b")));
            return graders is not null && GraderFactory.TryGetGrader(result, graders, "llm", out var llm) && llm.Name == GraderNames.Llm
                && GraderFactory.TryGetGrader(result, graders, "dual", out _) ? 0 : 1;
        });

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task TryCreate_WithABadSetting_WritesTheKeyAndFails()
    {
        var (exit, error) = await RunAsync(async result =>
        {
            await using var graders = GraderFactory.TryCreate(result, Settings(("Interviewer:Llm:Provider", "AzureOpenAI"), ("Interviewer:Llm:Deployment", "d")));
            return graders is null ? 1 : 0;
        });

        Assert.Equal(1, exit);
        Assert.Contains("error: Interviewer:Llm:Endpoint is required when Provider is AzureOpenAI.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryGetGrader_ForTheLlmWhenNoneIsConfigured_SaysWhatToSet()
    {
        var (exit, error) = await RunAsync(async result =>
        {
            await using var graders = GraderFactory.TryCreate(result, Settings());
            return GraderFactory.TryGetGrader(result, graders!, "llm", out _) ? 0 : 1;
        });

        Assert.Equal(1, exit);
        Assert.Contains("set Interviewer__Llm__Provider", error, StringComparison.Ordinal);
    }
}
