using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>
/// One distinct content of a bank, stored once and referenced by every session and saved run asked or graded with it,
/// so that their history reads the questions, key points and weights they were given, whatever the bank files say now.
/// </summary>
public sealed class BankSnapshotRow
{
    public long Id { get; set; }
    public string BankId { get; set; } = "";
    public int Version { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="ContentJson"/>.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The bank with its questions, key points, weights and exemplars, as JSON.</summary>
    public string ContentJson { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The table of bank snapshots and the references to it.</summary>
internal static class BankSnapshotModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BankSnapshotRow>(e =>
        {
            e.ToTable("bank_snapshots");
            e.HasKey(s => s.Id);
            e.Property(s => s.BankId).HasMaxLength(100);
            e.Property(s => s.ContentHash).HasMaxLength(64);
            e.HasIndex(s => new { s.BankId, s.Version, s.ContentHash }).IsUnique();
        });
        modelBuilder.Entity<SessionRow>()
            .HasOne<BankSnapshotRow>().WithMany().HasForeignKey(s => s.BankSnapshotId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<RunRow>()
            .HasOne<BankSnapshotRow>().WithMany().HasForeignKey(r => r.BankSnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
