using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Interviewer.Api.Storage;

/// <summary>Sessions, turns, answers, grades, reviews, saved runs, invitations and bank snapshots. One subclass per provider, so that each has its own migrations.</summary>
public abstract class InterviewDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SessionRow> Sessions => Set<SessionRow>();
    public DbSet<TurnRow> Turns => Set<TurnRow>();
    public DbSet<AnswerRow> Answers => Set<AnswerRow>();
    public DbSet<GradeRow> Grades => Set<GradeRow>();
    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<InvitationRow> Invitations => Set<InvitationRow>();
    public DbSet<BankSnapshotRow> BankSnapshots => Set<BankSnapshotRow>();
    public DbSet<CandidateRow> Candidates => Set<CandidateRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as a number on every provider, so that SQLite can order and compare them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasMaxLength(64);
            e.Property(s => s.ResumeTokenHash).HasMaxLength(64);
            e.Property(s => s.BankId).HasMaxLength(100);
            e.Property(s => s.Grader).HasMaxLength(32);
            e.Property(s => s.CandidateName).HasMaxLength(200);
            e.Property(s => s.Status).HasMaxLength(16);
            e.Property(s => s.Mode).HasMaxLength(16);
            e.Property(s => s.Feedback).HasMaxLength(8);
            e.Property(s => s.InvitationId).HasMaxLength(32);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => s.CreatedAt);
            e.HasIndex(s => s.Status);
        });
        modelBuilder.Entity<TurnRow>(e =>
        {
            e.ToTable("turns");
            e.HasKey(t => new { t.SessionId, t.Number });
            e.Property(t => t.SessionId).HasMaxLength(64);
            e.Property(t => t.QuestionId).HasMaxLength(100);
            e.HasOne<SessionRow>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AnswerRow>(e =>
        {
            e.ToTable("answers");
            e.HasKey(a => new { a.SessionId, a.AnswerId });
            e.Property(a => a.SessionId).HasMaxLength(64);
            e.Property(a => a.AnswerId).HasMaxLength(100);
            e.Property(a => a.ClaimedBy).HasMaxLength(100);
            // One answer per turn, even if two writers race.
            e.HasIndex(a => new { a.SessionId, a.TurnNumber }).IsUnique();
            e.HasOne<TurnRow>().WithMany().HasForeignKey(a => new { a.SessionId, a.TurnNumber }).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GradeRow>(e =>
        {
            e.ToTable("grades");
            e.HasKey(g => new { g.SessionId, g.AnswerId });
            e.Property(g => g.SessionId).HasMaxLength(64);
            e.Property(g => g.AnswerId).HasMaxLength(100);
            e.Property(g => g.Grader).HasMaxLength(32);
            e.Property(g => g.BankId).HasMaxLength(100);
            e.HasOne<AnswerRow>().WithOne().HasForeignKey<GradeRow>(g => new { g.SessionId, g.AnswerId }).OnDelete(DeleteBehavior.Cascade);
        });
        ReviewAndRunModel.Configure(modelBuilder);
        InvitationModel.Configure(modelBuilder);
        BankSnapshotModel.Configure(modelBuilder);
        CandidateModel.Configure(modelBuilder);
    }
}

/// <summary>The SQLite store (the default).</summary>
public sealed class SqliteInterviewDbContext(DbContextOptions<SqliteInterviewDbContext> options) : InterviewDbContext(options);

/// <summary>The PostgreSQL store.</summary>
public sealed class PostgresInterviewDbContext(DbContextOptions<PostgresInterviewDbContext> options) : InterviewDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteInterviewDbContext</c> run without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteInterviewDbContext>
{
    public SqliteInterviewDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteInterviewDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresInterviewDbContext</c> run without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresInterviewDbContext>
{
    public PostgresInterviewDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresInterviewDbContext>().UseNpgsql("Host=localhost;Database=interviewer").Options);
}
