using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>A practising candidate: no account, only an id and the hash of the token their browser keeps.</summary>
public sealed class CandidateRow
{
    public string Id { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The candidates table, and the sessions' link to their practising candidate.</summary>
internal static class CandidateModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CandidateRow>(e =>
        {
            e.ToTable("candidates");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.TokenHash).HasMaxLength(64);
        });
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.Property(s => s.CandidateId).HasMaxLength(64);
            e.HasIndex(s => new { s.CandidateId, s.CreatedAt });
        });
    }
}
