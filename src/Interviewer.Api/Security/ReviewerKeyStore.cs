using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>The reviewer keys in force: the configured ones, or one generated for this run.</summary>
internal sealed class ReviewerKeyStore
{
    private readonly byte[][] _keyHashes;

    public ReviewerKeyStore(IOptions<SecurityOptions> options, ILogger<ReviewerKeyStore> logger)
    {
        var keys = options.Value.ReviewerKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList();
        if (keys.Count == 0)
        {
            GeneratedKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            keys.Add(GeneratedKey);
            logger.LogWarning(
                "No reviewer key is configured (Interviewer:Security:ReviewerKeys). Reviewer routes accept this key, generated for this run only: {ReviewerKey}",
                GeneratedKey);
        }
        _keyHashes = keys.Select(Hash).ToArray();
    }

    /// <summary>The key generated at start when none was configured; null otherwise.</summary>
    public string? GeneratedKey { get; }

    public bool IsValid(string key)
    {
        var hash = Hash(key);
        var valid = false;
        foreach (var known in _keyHashes)
        {
            // Compare every key in constant time so the answer's timing says nothing about the keys.
            valid |= CryptographicOperations.FixedTimeEquals(hash, known);
        }
        return valid;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
