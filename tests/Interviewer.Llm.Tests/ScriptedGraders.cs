using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interviewer.Llm.Tests;

/// <summary>The graders registered as the hosts register them, with the LLM pointed at a scripted OpenAI-compatible server.</summary>
internal static class ScriptedGraders
{
    /// <summary>A validated container; the caller disposes it. <paramref name="settings"/> override the defaults.</summary>
    public static ServiceProvider Create(ScriptedOpenAiServer server, TimeProvider time, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>(server.Settings()) { ["Interviewer:Llm:RetryBaseDelay"] = "00:00:00" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        var services = new ServiceCollection().AddSingleton(time);
        services.AddInterviewerGraders(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
