using Interviewer.Rubrics.Grading;
namespace Interviewer.Llm;

/// <summary>
/// Settings of the LLM grader, bound from <c>Interviewer:Llm</c> (e.g. <c>Interviewer__Llm__Provider=OpenAI</c>).
/// The grader is configured only when <see cref="Provider"/> is set; every other setting has a default.
/// </summary>
internal sealed class LlmOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Llm";

    /// <summary>
    /// <c>AzureOpenAI</c> or <c>OpenAI</c> (also for any OpenAI-compatible server: Ollama, vLLM, LM Studio).
    /// Default: none, and the LLM grader is not configured.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>
    /// The service's address. Required for <c>AzureOpenAI</c> (<c>https://NAME.openai.azure.com/</c>).
    /// For <c>OpenAI</c>: default <c>https://api.openai.com/v1</c>; set it to reach a compatible server,
    /// e.g. <c>http://localhost:11434/v1</c> for Ollama.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The Azure OpenAI deployment name. Required for <c>AzureOpenAI</c>.</summary>
    public string? Deployment { get; set; }

    /// <summary>The model name. Required for <c>OpenAI</c> (e.g. <c>gpt-4o-mini</c>, <c>llama3.1:8b</c>); for <c>AzureOpenAI</c> it is only recorded, default the deployment.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The API key. Required for <c>OpenAI</c> without <see cref="Endpoint"/>; optional for a compatible server;
    /// for <c>AzureOpenAI</c>, when empty, Azure identity (<c>DefaultAzureCredential</c>) is used.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How the verdict's JSON shape is asked for: <c>json_schema</c> (strict structured output, default),
    /// <c>json_object</c> (JSON mode, for servers without structured output) or <c>text</c> (the prompt alone).
    /// </summary>
    public string ResponseFormat { get; set; } = LlmResponseFormats.JsonSchema;

    /// <summary>Sampling temperature, 0–2. Default 0, for grades that repeat.</summary>
    public double Temperature { get; set; }

    /// <summary>The most tokens a verdict may use. Default 2000.</summary>
    public int MaxOutputTokens { get; set; } = 2000;

    /// <summary>Time allowed for one call to the model. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for a whole grade: waiting for a slot, every attempt and every back-off. Default 90 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries after a 429, 408, 5xx, network error or attempt timeout (never after 400/401/403); 0 turns retries off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Median first back-off; later ones grow exponentially with decorrelated jitter (Polly's), medians about 2× and 4×. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off. A 429 whose <c>Retry-After</c> asks for longer is not retried: the grade degrades. Default 20 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Share of failed calls in <see cref="BreakerSamplingDuration"/> that opens the circuit, in (0, 1]. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit can open, at least 2. Default 6.</summary>
    public int BreakerMinimumThroughput { get; set; } = 6;

    /// <summary>The window failures are counted over, at least 0.5 s. Default 60 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open (every grade degrades at once) before one trial call, at least 0.5 s. Default 30 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most grades talking to the model at once. Default 4.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>Grades that may wait for a free slot; beyond that a grade degrades at once. Default 100.</summary>
    public int MaxQueuedCalls { get; set; } = 100;

    /// <summary>Dual mode: score difference (0–100 points) above which the two grades disagree. Default 20.</summary>
    public double DualMargin { get; set; } = 20;

    /// <summary>The model or deployment recorded in every grade.</summary>
    public string ModelName =>
        string.Equals(Provider, LlmProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrWhiteSpace(Model) ? Deployment : Model) ?? string.Empty
            : Model ?? string.Empty;
}

/// <summary>The values of <see cref="LlmOptions.Provider"/>.</summary>
internal static class LlmProviders
{
    /// <summary>Azure OpenAI: endpoint, deployment, and an API key or Azure identity.</summary>
    public const string AzureOpenAI = "AzureOpenAI";

    /// <summary>OpenAI, or any OpenAI-compatible server when <see cref="LlmOptions.Endpoint"/> is set.</summary>
    public const string OpenAI = "OpenAI";
}

/// <summary>The values of <see cref="LlmOptions.ResponseFormat"/>.</summary>
internal static class LlmResponseFormats
{
    /// <summary>Strict structured output: the verdict's JSON schema is sent with the request.</summary>
    public const string JsonSchema = "json_schema";

    /// <summary>JSON mode: any JSON object; the shape comes from the prompt.</summary>
    public const string JsonObject = "json_object";

    /// <summary>No response format is sent; the shape comes from the prompt.</summary>
    public const string Text = "text";
}
