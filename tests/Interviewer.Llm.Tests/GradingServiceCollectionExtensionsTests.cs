using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Interviewer.Llm.Tests;

public sealed class GradingServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddInterviewerGraders(configuration).BuildServiceProvider();
    }

    private static string ValidationErrors(params (string Key, string Value)[] settings)
    {
        using var provider = Build(settings);
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return error.Message;
    }

    [Fact]
    public void AddInterviewerGraders_WithNoSetting_RegistersOnlyTheKeywordGrader()
    {
        using var provider = Build();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var registry = provider.GetRequiredService<GraderRegistry>();

        Assert.Equal([GraderNames.Keyword], registry.Names);
        Assert.Equal(GraderNames.Keyword, registry.DefaultName);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddInterviewerGraders_WithAnOpenAiCompatibleServer_RegistersAllThreeGraders()
    {
        using var provider = Build(
            ("Interviewer:Llm:Provider", "OpenAI"),
            ("Interviewer:Llm:Endpoint", "http://localhost:11434/v1"),
            ("Interviewer:Llm:Model", "llama3.1:8b"),
            ("Interviewer:Grader:Default", "dual"));
        provider.GetRequiredService<IStartupValidator>().Validate();

        var registry = provider.GetRequiredService<GraderRegistry>();

        Assert.Equal([GraderNames.Keyword, GraderNames.Llm, GraderNames.Dual], registry.Names);
        Assert.Equal(GraderNames.Dual, registry.DefaultName);
        Assert.Equal(GraderNames.Llm, registry.Get("LLM").Name);
    }

    [Fact]
    public void AddInterviewerGraders_WithAzureAndNoKey_UsesAzureIdentity()
    {
        using var provider = Build(
            ("Interviewer:Llm:Provider", "AzureOpenAI"),
            ("Interviewer:Llm:Endpoint", "https://example.openai.azure.com/"),
            ("Interviewer:Llm:Deployment", "gpt-4o-mini"));
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Contains(GraderNames.Llm, provider.GetRequiredService<GraderRegistry>().Names);
        Assert.Equal("gpt-4o-mini", provider.GetRequiredService<IOptions<LlmOptions>>().Value.ModelName);
    }

    [Fact]
    public void AddInterviewerGraders_KeepsATimeProviderAlreadyRegistered()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddInterviewerGraders(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("AzureOpenAI", null, "gpt", "Interviewer:Llm:Endpoint is required when Provider is AzureOpenAI.")]
    [InlineData("AzureOpenAI", "https://x.openai.azure.com/", null, "Interviewer:Llm:Deployment is required when Provider is AzureOpenAI.")]
    [InlineData("OpenAI", "http://localhost:11434/v1", null, "Interviewer:Llm:Model is required when Provider is OpenAI.")]
    [InlineData("Anthropic", null, null, "Interviewer:Llm:Provider must be AzureOpenAI or OpenAI (got 'Anthropic').")]
    [InlineData("OpenAI", "localhost:11434", "m", "Interviewer:Llm:Endpoint must be an absolute http or https address (got 'localhost:11434').")]
    public void AddInterviewerGraders_WithABadLlmSetting_FailsValidationNamingTheKey(string provider, string? endpoint, string? deployment, string expected)
    {
        var settings = new List<(string, string)> { ("Interviewer:Llm:Provider", provider) };
        if (endpoint is not null)
        {
            settings.Add(("Interviewer:Llm:Endpoint", endpoint));
        }
        if (deployment is not null)
        {
            settings.Add(("Interviewer:Llm:Deployment", deployment));
            settings.Add(("Interviewer:Llm:Model", deployment));
        }

        Assert.Contains(expected, ValidationErrors([.. settings]), StringComparison.Ordinal);
    }

    [Fact]
    public void AddInterviewerGraders_WithOpenAiAndNeitherKeyNorEndpoint_AsksForTheKey()
    {
        var message = ValidationErrors(("Interviewer:Llm:Provider", "OpenAI"), ("Interviewer:Llm:Model", "gpt-4o-mini"));

        Assert.Contains("Interviewer:Llm:ApiKey is required when Provider is OpenAI and no Endpoint is set", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInterviewerGraders_WithAnUnreadableDuration_NamesTheKey()
    {
        var message = ValidationErrors(
            ("Interviewer:Llm:Provider", "OpenAI"), ("Interviewer:Llm:Endpoint", "http://localhost:1/v1"), ("Interviewer:Llm:Model", "m"),
            ("Interviewer:Llm:AttemptTimeout", "soon"));

        Assert.Contains("Interviewer:Llm:AttemptTimeout", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInterviewerGraders_WithInconsistentTimeouts_NamesBothKeys()
    {
        var message = ValidationErrors(
            ("Interviewer:Llm:Provider", "OpenAI"), ("Interviewer:Llm:Endpoint", "http://localhost:1/v1"), ("Interviewer:Llm:Model", "m"),
            ("Interviewer:Llm:AttemptTimeout", "00:01:00"), ("Interviewer:Llm:TotalTimeout", "00:00:10"),
            ("Interviewer:Llm:BreakerMinimumThroughput", "1"));

        Assert.Contains("Interviewer:Llm:TotalTimeout (00:00:10) must be at least AttemptTimeout (00:01:00).", message, StringComparison.Ordinal);
        Assert.Contains("Interviewer:Llm:BreakerMinimumThroughput must be between 2", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llm", "Interviewer:Grader:Default is 'llm', which needs the LLM grader: set Interviewer:Llm:Provider")]
    [InlineData("magic", "Interviewer:Grader:Default must be one of keyword, llm, dual (got 'magic').")]
    public void AddInterviewerGraders_WithADefaultGraderThatIsNotConfigured_FailsValidation(string name, string expected)
    {
        Assert.Contains(expected, ValidationErrors(("Interviewer:Grader:Default", name)), StringComparison.Ordinal);
    }

    [Fact]
    public void LlmOptions_Defaults_AreValid()
    {
        var options = new LlmOptions { Provider = LlmProviders.OpenAI, Model = "m", ApiKey = "k" };

        Assert.Empty(LlmOptionsValidator.Problems(options));
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.TotalTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(4, options.MaxConcurrentCalls);
        Assert.Equal(20, options.DualMargin);
        Assert.Equal(LlmResponseFormats.JsonSchema, options.ResponseFormat);
    }
}
