using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>Stops the service at start when a reviewer key is too short or a proxy is not an address, naming the setting.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var problems = ReviewerKeys.Problems(options.ReviewerKeys).Concat(ClientAddress.Problems(options.KnownProxies)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
