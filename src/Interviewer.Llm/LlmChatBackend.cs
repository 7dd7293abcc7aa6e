using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Interviewer.Rubrics.Grading;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenAI.Chat;

namespace Interviewer.Llm;

/// <summary>
/// The Semantic Kernel chat service for the configured provider, over an HTTP client of ours. The SDK's own retries are off
/// (Polly retries, in one place) and its network timeout is only a backstop behind Polly's attempt timeout.
/// </summary>
internal sealed class LlmChatBackend : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    private LlmChatBackend(IChatCompletionService chat, HttpClient? ownedHttpClient)
    {
        Chat = chat;
        _ownedHttpClient = ownedHttpClient;
    }

    public IChatCompletionService Chat { get; }

    /// <summary>Creates the chat service; <paramref name="httpClient"/> is used as given (not disposed) when passed.</summary>
    public static LlmChatBackend Create(LlmOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var owned = httpClient is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan }
            : null;
        var http = httpClient ?? owned!;
        var transport = new HttpClientPipelineTransport(http);
        var networkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(30);

        if (string.Equals(options.Provider, LlmProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase))
        {
            var azureOptions = new AzureOpenAIClientOptions
            {
                Transport = transport,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = networkTimeout,
            };
            var endpoint = new Uri(options.Endpoint!);
            var client = string.IsNullOrWhiteSpace(options.ApiKey)
                ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), azureOptions)
                : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), azureOptions);
            return new LlmChatBackend(new AzureOpenAIChatCompletionService(options.Deployment!, client, options.ModelName), owned);
        }

        var openAiOptions = new OpenAIClientOptions
        {
            Transport = transport,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = networkTimeout,
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            openAiOptions.Endpoint = new Uri(options.Endpoint);
        }
        // A local server takes any key; the SDK insists on one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        var openAiClient = new OpenAIClient(new ApiKeyCredential(key), openAiOptions);
        return new LlmChatBackend(new OpenAIChatCompletionService(options.Model!, openAiClient), owned);
    }

    /// <summary>The execution settings for one grade: deterministic sampling and the verdict's JSON shape (Azure's connector reads them too).</summary>
    public static OpenAIPromptExecutionSettings Settings(LlmOptions options, GradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Settings(options, options.ResponseFormat == LlmResponseFormats.JsonSchema
            ? ChatResponseFormat.CreateJsonSchemaFormat("interview_verdict", BinaryData.FromString(LlmPrompt.Schema(request)), jsonSchemaIsStrict: true)
            : null);
    }

    /// <summary>
    /// Deterministic sampling and the configured reply shape: <paramref name="schema"/> under <c>json_schema</c> when there is
    /// one, else JSON mode, and nothing under <c>text</c>.
    /// </summary>
    public static OpenAIPromptExecutionSettings Settings(LlmOptions options, ChatResponseFormat? schema)
    {
        ArgumentNullException.ThrowIfNull(options);
        object? format = options.ResponseFormat switch
        {
            LlmResponseFormats.Text => null,
            LlmResponseFormats.JsonSchema when schema is not null => schema,
            _ => "json_object",
        };
        return new OpenAIPromptExecutionSettings
        {
            Temperature = options.Temperature,
            MaxTokens = options.MaxOutputTokens,
            ResponseFormat = format,
        };
    }

    public void Dispose() => _ownedHttpClient?.Dispose();
}
