using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Storage;

/// <summary>
/// A bank as stored in a snapshot: its questions, key points, weights and exemplars as JSON, and the SHA-256 of that JSON,
/// which tells two contents apart even when a bank was edited without bumping its version.
/// </summary>
internal static class BankSnapshotContent
{
    public static string Serialize(QuestionBank bank) => JsonSerializer.Serialize(
        new Content(bank, [.. bank.Questions.Where(q => q.Exemplars.Count > 0).Select(q => new QuestionExemplars(q.Id, q.Exemplars))]),
        InterviewerJson.Options);

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public static QuestionBank Deserialize(string json)
    {
        var content = JsonSerializer.Deserialize<Content>(json, InterviewerJson.Options)
            ?? throw new InvalidDataException("A bank snapshot holds no bank.");
        var exemplars = content.Exemplars.ToDictionary(e => e.QuestionId, e => e.Exemplars, StringComparer.Ordinal);
        return content.Bank with
        {
            Questions = [.. content.Bank.Questions.Select(q => exemplars.TryGetValue(q.Id, out var list) ? q with { Exemplars = list } : q)],
        };
    }

    // Exemplars are not part of a question's JSON shape, so they travel beside the bank.
    private sealed record Content(QuestionBank Bank, IReadOnlyList<QuestionExemplars> Exemplars);

    private sealed record QuestionExemplars(string QuestionId, IReadOnlyList<Exemplar> Exemplars);
}
