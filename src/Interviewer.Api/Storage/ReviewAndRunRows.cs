using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>A reviewer's own score on an answered turn: one per reviewer and turn, replaced when they review it again.</summary>
public sealed class ReviewRow
{
    public string SessionId { get; set; } = "";
    public int TurnNumber { get; set; }
    public string Reviewer { get; set; } = "";
    public double Score { get; set; }
    public double MaxScore { get; set; }

    /// <summary>Per-key-point verdicts as JSON (<c>[{ id, status }]</c>); null when the reviewer gave none.</summary>
    public string? KeyPointsJson { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}

/// <summary>A batch grading or calibration run made through the API, kept so that its reports download without grading again.</summary>
public sealed class RunRow
{
    public string Id { get; set; } = "";

    /// <summary><c>grade</c> or <c>calibration</c>.</summary>
    public string Kind { get; set; } = "";

    public string Reviewer { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? BankId { get; set; }
    public int? BankVersion { get; set; }

    /// <summary>The bank as graded (<see cref="BankSnapshotRow"/>); null for a run without a bank or saved before snapshots.</summary>
    public long? BankSnapshotId { get; set; }

    public string Grader { get; set; } = "";
    public string? Model { get; set; }
    public int Rows { get; set; }

    /// <summary>The run's summary as JSON (a batch summary, or a calibration's overall agreement).</summary>
    public string SummaryJson { get; set; } = "";

    /// <summary>The whole result as JSON: <c>{ results, summary }</c> or the calibration report.</summary>
    public string ResultJson { get; set; } = "";
}

/// <summary>The tables of reviews and saved runs.</summary>
internal static class ReviewAndRunModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReviewRow>(e =>
        {
            e.ToTable("reviews");
            e.HasKey(r => new { r.SessionId, r.TurnNumber, r.Reviewer });
            e.Property(r => r.SessionId).HasMaxLength(64);
            e.Property(r => r.Reviewer).HasMaxLength(100);
            e.Property(r => r.Note).HasMaxLength(ReviewLimits.MaxNoteLength);
            e.HasIndex(r => r.ReviewedAt);
            e.HasOne<TurnRow>().WithMany().HasForeignKey(r => new { r.SessionId, r.TurnNumber }).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RunRow>(e =>
        {
            e.ToTable("runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(32);
            e.Property(r => r.Kind).HasMaxLength(16);
            e.Property(r => r.Reviewer).HasMaxLength(100);
            e.Property(r => r.BankId).HasMaxLength(100);
            e.Property(r => r.Grader).HasMaxLength(32);
            e.Property(r => r.Model).HasMaxLength(200);
            e.HasIndex(r => r.CreatedAt);
        });
    }
}

/// <summary>Bounds on what a review may hold.</summary>
internal static class ReviewLimits
{
    public const int MaxNoteLength = 4000;
}
