using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Interviewer.Api.Security;

/// <summary>One reviewer key as configured: who it belongs to and the hash of its secret (the secret itself is not kept).</summary>
internal sealed record ReviewerKey(string Name, byte[] Hash)
{
    /// <summary>The name of every unnamed key.</summary>
    public const string DefaultName = "reviewer";

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

/// <summary>The one reading of <c>Interviewer:Security:ReviewerKeys</c> entries: <c>KEY</c> or <c>name:KEY</c>.</summary>
internal static partial class ReviewerKeys
{
    /// <summary>Splits an entry into its name (null when unnamed) and its secret.</summary>
    public static (string? Name, string Secret) Split(string entry)
    {
        var trimmed = entry.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && NamePattern().IsMatch(trimmed[..colon]))
        {
            return (trimmed[..colon], trimmed[(colon + 1)..].Trim());
        }
        return (null, trimmed);
    }

    /// <summary>Every problem with the configured keys, naming the setting and never the key.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var setting = $"{SecurityOptions.Section}:ReviewerKeys:{i}";
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                continue; // an empty entry (Interviewer__Security__ReviewerKeys__0=) is no key
            }
            var (name, secret) = Split(entries[i]);
            if (secret.Length < SecurityOptions.MinKeyLength)
            {
                var who = name is null ? string.Empty : $" (reviewer '{name}')";
                yield return $"{setting}{who} is a key of {secret.Length} characters; reviewer keys must be at least " +
                    $"{SecurityOptions.MinKeyLength} characters (e.g. openssl rand -hex 24).";
            }
        }
    }

    public static IReadOnlyList<ReviewerKey> Parse(IReadOnlyList<string> entries)
    {
        var keys = new List<ReviewerKey>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                continue;
            }
            var (name, secret) = Split(entries[i]);
            keys.Add(new ReviewerKey(name ?? ReviewerKey.DefaultName, ReviewerKey.HashOf(secret)));
        }
        return keys;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
