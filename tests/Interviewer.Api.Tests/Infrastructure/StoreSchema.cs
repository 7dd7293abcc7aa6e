using Interviewer.Api.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>Takes a test's store back to an earlier schema, as a store of an older release would be, data kept.</summary>
internal static class StoreSchema
{
    /// <summary>Reverts the migration named <paramref name="migration"/> and every later one.</summary>
    public static async Task DowngradeBeforeAsync(TestStore store, string migration)
    {
        await using InterviewDbContext context = store.Provider == StoreProvider.Postgres
            ? new PostgresInterviewDbContext(new DbContextOptionsBuilder<PostgresInterviewDbContext>().UseNpgsql(store.ConnectionString).Options)
            : new SqliteInterviewDbContext(new DbContextOptionsBuilder<SqliteInterviewDbContext>()
                .UseSqlite($"Data Source={Path.Combine(store.DataDirectory, "interviewer.db")};Pooling=false").Options);
        var all = context.Database.GetMigrations().ToList();
        var index = all.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        Assert.True(index > 0, $"no migration {migration} after another");
        await context.GetService<IMigrator>().MigrateAsync(all[index - 1]);
    }
}
