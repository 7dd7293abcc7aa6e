using Microsoft.Extensions.Options;

namespace Interviewer.Api.Hosting;

/// <summary>
/// A setting found wrong at start (a server it names cannot be reached, a folder it names cannot be used): the same
/// exception as failed options validation, so that one rule reports both (<see cref="StartupFailure"/>).
/// </summary>
internal static class Setting
{
    /// <param name="message">What is wrong, starting with the setting's key.</param>
    public static OptionsValidationException Invalid(string message) => new(string.Empty, typeof(object), [message]);
}
