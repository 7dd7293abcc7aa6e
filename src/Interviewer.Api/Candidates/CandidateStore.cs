using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Candidates;

/// <summary>What a candidate id and token amount to.</summary>
internal enum CandidateCheck
{
    Ok,
    Unknown,
    WrongToken,
}

/// <summary>Practising candidates: issued on a first practice interview, checked by their token, and their sessions.</summary>
internal sealed class CandidateStore(InterviewDb db, StoreWriter writer)
{
    /// <summary>A new candidate; the token is returned once and kept only as its hash.</summary>
    public async Task<(string Id, string Token)> IssueAsync(DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        var token = SecretTokens.New();
        await writer.WriteAsync(context => context.Candidates.Add(new CandidateRow { Id = id, TokenHash = SecretTokens.Hash(token), CreatedAt = now }));
        return (id, token);
    }

    public async Task<CandidateCheck> CheckAsync(string id, string? token, CancellationToken ct = default)
    {
        if (!StoredIds.CanExist(id))
        {
            return CandidateCheck.Unknown;
        }
        await using var context = db.CreateContext();
        var row = await context.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return CandidateCheck.Unknown;
        }
        return !string.IsNullOrEmpty(token) && SecretTokens.Matches(token, row.TokenHash) ? CandidateCheck.Ok : CandidateCheck.WrongToken;
    }

    /// <summary>The candidate's sessions, newest first.</summary>
    public async Task<IReadOnlyList<string>> SessionIdsAsync(string candidateId, int max, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        return await context.Sessions.AsNoTracking()
            .Where(s => s.CandidateId == candidateId)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => s.Id)
            .Take(max)
            .ToListAsync(ct);
    }
}
