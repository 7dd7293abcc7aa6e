using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>
/// A reviewer's invitation to one assessment. The plan is fixed when it is created; the token is kept only as its
/// SHA-256 hash (shown once, in the creation's answer). <see cref="SessionId"/> is set, once, when the candidate starts.
/// </summary>
public sealed class InvitationRow
{
    public string Id { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string BankId { get; set; } = "";
    public int BankVersion { get; set; }

    /// <summary>The planned question ids, one per line, in order.</summary>
    public string Plan { get; set; } = "";

    public int Seed { get; set; }
    public string Grader { get; set; } = "";

    /// <summary><c>none</c>, <c>score</c> or <c>full</c>.</summary>
    public string Feedback { get; set; } = "";

    public string? CandidateName { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? SessionId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
}

/// <summary>The table of invitations.</summary>
internal static class InvitationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InvitationRow>(e =>
        {
            e.ToTable("invitations");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(32);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.BankId).HasMaxLength(100);
            e.Property(i => i.Grader).HasMaxLength(32);
            e.Property(i => i.Feedback).HasMaxLength(8);
            e.Property(i => i.CandidateName).HasMaxLength(200);
            e.Property(i => i.CreatedBy).HasMaxLength(100);
            e.Property(i => i.SessionId).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.CreatedAt);
        });
    }
}
