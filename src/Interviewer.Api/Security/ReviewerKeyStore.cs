using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>
/// The reviewer keys in force: the configured ones; in Development with none configured, one generated for this run and
/// printed once on the console (never logged); elsewhere with none configured, none, and reviewer routes are closed.
/// </summary>
internal sealed partial class ReviewerKeyStore
{
    private readonly IReadOnlyList<ReviewerKey> _keys;

    public ReviewerKeyStore(IOptions<SecurityOptions> options, IHostEnvironment environment, ILogger<ReviewerKeyStore> logger)
    {
        _keys = ReviewerKeys.Parse(options.Value.ReviewerKeys);
        if (_keys.Count > 0)
        {
            LogConfigured(logger, _keys.Count, string.Join(", ", _keys.Select(k => k.Name).Distinct()));
        }
        else if (environment.IsDevelopment())
        {
            var generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            _keys = [new ReviewerKey(GeneratedName, ReviewerKey.HashOf(generated))];
            // The console, not the log: a log sink must never hold a key.
            Console.WriteLine($"Reviewer key for this run (Development only; configure {SecurityOptions.Section}:ReviewerKeys elsewhere): {generated}");
            LogGenerated(logger);
        }
        else
        {
            LogClosed(logger, environment.EnvironmentName);
        }
    }

    /// <summary>The name of the key generated in Development.</summary>
    public const string GeneratedName = "developer";

    /// <summary>False when no key is in force: reviewer routes answer 503.</summary>
    public bool Open => _keys.Count > 0;

    /// <summary>The name of the reviewer whose key this is, or null when it is no reviewer key.</summary>
    public string? Find(string secret)
    {
        var hash = ReviewerKey.HashOf(secret);
        string? found = null;
        foreach (var key in _keys)
        {
            // Compare every key in constant time so the answer's timing says nothing about the keys.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found ??= key.Name;
            }
        }
        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} reviewer key(s) configured, for: {Names}")]
    private static partial void LogConfigured(ILogger logger, int count, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reviewer key is configured (Interviewer:Security:ReviewerKeys): Development generated one for this run and printed it on the console")]
    private static partial void LogGenerated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reviewer key is configured (Interviewer:Security:ReviewerKeys): reviewer routes answer 503 in the {Environment} environment until keys are configured")]
    private static partial void LogClosed(ILogger logger, string environment);
}
