using Interviewer.Llm.Refining;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Interviewer.Llm;

/// <summary>Registers the graders for any host: the service and the command line.</summary>
public static class GradingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the keyword grader always; the LLM and dual graders and the <see cref="BankRefiner"/> when
    /// <c>Interviewer:Llm:Provider</c> is set; the
    /// <see cref="GraderRegistry"/> (default from <c>Interviewer:Grader:Default</c>, else <c>keyword</c>); and
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered. The settings are validated
    /// on start: a bad one stops the host with a message that names the key (the command line calls
    /// <see cref="IStartupValidator"/> itself).
    /// </summary>
    public static IServiceCollection AddInterviewerGraders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KeywordGrader>();

        var llmConfigured = !string.IsNullOrWhiteSpace(configuration[$"{LlmOptions.Section}:{nameof(LlmOptions.Provider)}"]);
        services.AddOptions<GraderOptions>().Bind(configuration.GetSection(GraderOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraderOptions>>(new GraderOptionsValidator(llmConfigured));

        var graders = new List<Func<IServiceProvider, IAnswerGrader>> { sp => sp.GetRequiredService<KeywordGrader>() };
        if (llmConfigured)
        {
            services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateOnStart();
            services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
            services.AddResiliencePipeline(LlmResilience.PipelineName, (builder, context) =>
            {
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                builder.TimeProvider = time;
                LlmResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value, time);
            });
            services.AddSingleton(sp => LlmChatBackend.Create(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
            services.AddSingleton(sp => new LlmGrader(
                sp.GetRequiredService<LlmChatBackend>().Chat,
                sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(LlmResilience.PipelineName),
                sp.GetRequiredService<IOptions<LlmOptions>>().Value,
                sp.GetRequiredService<KeywordGrader>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<LlmGrader>>()));
            services.AddSingleton(sp => new DualGrader(
                sp.GetRequiredService<KeywordGrader>(),
                sp.GetRequiredService<LlmGrader>(),
                sp.GetRequiredService<IOptions<LlmOptions>>().Value.DualMargin,
                sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton(sp => new BankRefiner(
                sp.GetRequiredService<LlmChatBackend>().Chat,
                sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(LlmResilience.PipelineName),
                sp.GetRequiredService<IOptions<LlmOptions>>().Value,
                sp.GetService<ILogger<BankRefiner>>()));
            graders.Add(sp => sp.GetRequiredService<LlmGrader>());
            graders.Add(sp => sp.GetRequiredService<DualGrader>());
        }

        services.AddSingleton(sp => new GraderRegistry(
            graders.Select(create => create(sp)),
            sp.GetRequiredService<IOptions<GraderOptions>>().Value.Default.ToLowerInvariant()));
        return services;
    }
}
