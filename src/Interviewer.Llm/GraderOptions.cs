using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.Options;

namespace Interviewer.Llm;

/// <summary>Which grader is used when none is asked for, bound from <c>Interviewer:Grader</c>.</summary>
internal sealed class GraderOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Interviewer:Grader";

    /// <summary><c>keyword</c> (default), <c>llm</c> or <c>dual</c>; the last two need <c>Interviewer:Llm:Provider</c>.</summary>
    public string Default { get; set; } = GraderNames.Keyword;
}

/// <summary>Checks <see cref="GraderOptions"/> against the graders actually configured.</summary>
internal sealed class GraderOptionsValidator(bool llmConfigured) : IValidateOptions<GraderOptions>
{
    public ValidateOptionsResult Validate(string? name, GraderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wanted = options.Default;
        if (!GraderNames.All.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"{GraderOptions.Section}:Default must be one of {string.Join(", ", GraderNames.All)} (got '{wanted}').");
        }
        if (!llmConfigured && !string.Equals(wanted, GraderNames.Keyword, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"{GraderOptions.Section}:Default is '{wanted}', which needs the LLM grader: set Interviewer:Llm:Provider (AzureOpenAI or OpenAI).");
        }
        return ValidateOptionsResult.Success;
    }
}
