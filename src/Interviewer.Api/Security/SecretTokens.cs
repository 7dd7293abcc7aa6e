using System.Security.Cryptography;
using System.Text;

namespace Interviewer.Api.Security;

/// <summary>
/// Bearer secrets handed to candidates (resume tokens, invitation tokens): 256 random bits, kept in the store only as
/// their SHA-256, so that reading the store does not open anyone's interview.
/// </summary>
internal static class SecretTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));
}
