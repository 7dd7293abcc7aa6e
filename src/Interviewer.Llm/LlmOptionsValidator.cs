using System.Globalization;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.Options;

namespace Interviewer.Llm;

/// <summary>Checks <see cref="LlmOptions"/> at start; every message names the setting's full key.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    private const string P = LlmOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, LlmOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    public static List<string> Problems(LlmOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var problems = new List<string>();
        var isAzure = string.Equals(o.Provider, LlmProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase);
        var isOpenAi = string.Equals(o.Provider, LlmProviders.OpenAI, StringComparison.OrdinalIgnoreCase);
        if (!isAzure && !isOpenAi)
        {
            problems.Add($"{P}Provider must be {LlmProviders.AzureOpenAI} or {LlmProviders.OpenAI} (got '{o.Provider}').");
        }
        if (isAzure && string.IsNullOrWhiteSpace(o.Endpoint))
        {
            problems.Add($"{P}Endpoint is required when Provider is {LlmProviders.AzureOpenAI}.");
        }
        if (isAzure && string.IsNullOrWhiteSpace(o.Deployment))
        {
            problems.Add($"{P}Deployment is required when Provider is {LlmProviders.AzureOpenAI}.");
        }
        if (isOpenAi && string.IsNullOrWhiteSpace(o.Model))
        {
            problems.Add($"{P}Model is required when Provider is {LlmProviders.OpenAI}.");
        }
        if (isOpenAi && string.IsNullOrWhiteSpace(o.Endpoint) && string.IsNullOrWhiteSpace(o.ApiKey))
        {
            problems.Add($"{P}ApiKey is required when Provider is {LlmProviders.OpenAI} and no Endpoint is set (a local server needs only Endpoint).");
        }
        if (!string.IsNullOrWhiteSpace(o.Endpoint) &&
            (!Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{P}Endpoint must be an absolute http or https address (got '{o.Endpoint}').");
        }
        if (o.ResponseFormat is not (LlmResponseFormats.JsonSchema or LlmResponseFormats.JsonObject or LlmResponseFormats.Text))
        {
            problems.Add($"{P}ResponseFormat must be {LlmResponseFormats.JsonSchema}, {LlmResponseFormats.JsonObject} or {LlmResponseFormats.Text} (got '{o.ResponseFormat}').");
        }
        Range(problems, nameof(o.Temperature), o.Temperature, 0, 2);
        Range(problems, nameof(o.MaxOutputTokens), o.MaxOutputTokens, 64, 1_000_000);
        Duration(problems, nameof(o.AttemptTimeout), o.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        Duration(problems, nameof(o.TotalTimeout), o.TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        if (o.TotalTimeout < o.AttemptTimeout)
        {
            problems.Add($"{P}TotalTimeout ({o.TotalTimeout}) must be at least AttemptTimeout ({o.AttemptTimeout}).");
        }
        Range(problems, nameof(o.MaxRetries), o.MaxRetries, 0, 100);
        Duration(problems, nameof(o.RetryBaseDelay), o.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        Duration(problems, nameof(o.MaxRetryDelay), o.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        if (o.BreakerFailureRatio is <= 0 or > 1)
        {
            problems.Add($"{P}BreakerFailureRatio must be greater than 0 and at most 1 (got {Text(o.BreakerFailureRatio)}).");
        }
        Range(problems, nameof(o.BreakerMinimumThroughput), o.BreakerMinimumThroughput, 2, int.MaxValue);
        Duration(problems, nameof(o.BreakerSamplingDuration), o.BreakerSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        Duration(problems, nameof(o.BreakerBreakDuration), o.BreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        Range(problems, nameof(o.MaxConcurrentCalls), o.MaxConcurrentCalls, 1, 10_000);
        Range(problems, nameof(o.MaxQueuedCalls), o.MaxQueuedCalls, 0, 1_000_000);
        Range(problems, nameof(o.DualMargin), o.DualMargin, 0, 100);
        return problems;
    }

    private static void Range(List<string> problems, string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            problems.Add($"{P}{key} must be between {Text(min)} and {Text(max)} (got {Text(value)}).");
        }
    }

    private static void Duration(List<string> problems, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{P}{key} must be between {min} and {max} (got {value}).");
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
