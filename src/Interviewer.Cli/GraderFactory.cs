using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interviewer.Llm;
using Interviewer.Llm.Refining;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interviewer.Cli;

/// <summary>
/// The graders of the command line, configured as the service is: <c>interviewer.json</c> (in the current folder, or the file
/// named by <c>$INTERVIEWER_CONFIG</c>), then environment variables (<c>Interviewer__Llm__Provider=OpenAI</c>), which win.
/// </summary>
internal static class GraderFactory
{
    /// <summary>The environment variable naming a settings file.</summary>
    public const string ConfigFileVariable = "INTERVIEWER_CONFIG";

    /// <summary>The settings file read from the current folder when it exists.</summary>
    public const string DefaultConfigFile = "interviewer.json";

    private const string EnvironmentPrefix = "Interviewer__";

    /// <summary>The graders, or null after writing every bad setting to stderr (the caller exits non-zero).</summary>
    public static CliGraders? TryCreate(ParseResult result, IConfiguration? configuration = null)
    {
        try
        {
            return Create(configuration ?? LoadConfiguration());
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                result.Error().WriteLine($"error: {failure}");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or IOException)
        {
            result.Error().WriteLine($"error: {e.Message}");
        }
        return null;
    }

    /// <summary>Builds the graders from <paramref name="configuration"/>, validating every setting now.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; each failure names its key.</exception>
    public static CliGraders Create(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddInterviewerGraders(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return new CliGraders(provider, provider.GetRequiredService<GraderRegistry>());
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Finds the grader named by <c>--grader</c> (the default when null), or writes why it is not available.</summary>
    public static bool TryGetGrader(ParseResult result, CliGraders graders, string? name, out IAnswerGrader grader)
    {
        if (graders.Registry.TryGet(name, out grader, out var error))
        {
            return true;
        }
        result.Error().WriteLine($"error: {error}.");
        return false;
    }

    /// <summary>
    /// The settings: <paramref name="jsonPath"/> (default <c>$INTERVIEWER_CONFIG</c>, else <c>./interviewer.json</c> when it
    /// exists), overridden by the <c>Interviewer__*</c> variables of <paramref name="environment"/> (default the run's).
    /// </summary>
    public static IConfiguration LoadConfiguration(string? jsonPath = null, CliEnvironment? environment = null)
    {
        environment ??= CliEnvironment.Current;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var localFile = environment.Resolve(DefaultConfigFile);
        var file = jsonPath
            ?? (environment.Variable(ConfigFileVariable) is { } named ? environment.Resolve(named) : null)
            ?? (File.Exists(localFile) ? localFile : null);
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new IOException($"the settings file {file} does not exist.");
            }
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Flatten(document.RootElement, prefix: null, values);
        }
        foreach (var (key, value) in environment.Variables)
        {
            if (key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                values[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", values);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index.ToString(CultureInfo.InvariantCulture)}", values);
                    index++;
                }
                break;
            case JsonValueKind.Null:
                values[prefix ?? string.Empty] = null;
                break;
            case JsonValueKind.String:
                values[prefix ?? string.Empty] = element.GetString();
                break;
            default:
                values[prefix ?? string.Empty] = element.GetRawText();
                break;
        }
    }
}

/// <summary>The command line's graders and the container that owns them (and the LLM's HTTP client).</summary>
internal sealed class CliGraders(ServiceProvider provider, GraderRegistry registry) : IAsyncDisposable
{
    public GraderRegistry Registry { get; } = registry;

    /// <summary>The rubric refiner over the configured model; null when no LLM is configured.</summary>
    public BankRefiner? Refiner => provider.GetService<BankRefiner>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
