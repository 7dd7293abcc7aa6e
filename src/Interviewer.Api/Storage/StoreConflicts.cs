using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Interviewer.Api.Storage;

/// <summary>The store refused a change because another writer (instance) changed or added the same rows first. Nothing was stored.</summary>
internal class StoreConflictException(string message, Exception inner) : Exception(message, inner);

/// <summary>A change was made from an out-of-date copy of a session: another writer (instance) changed it first. Nothing was stored.</summary>
internal sealed class StaleSessionException(string sessionId, Exception inner)
    : StoreConflictException($"Session {sessionId} was changed by another writer since it was read.", inner)
{
    public string SessionId { get; } = sessionId;
}

/// <summary>Turns each provider's way of refusing a concurrent change into one <see cref="StoreConflictException"/>.</summary>
internal static class StoreConflicts
{
    private const int SqliteConstraint = 19;

    public static async Task Guard(string sessionId, Task write)
    {
        try
        {
            await write;
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            throw new StaleSessionException(sessionId, ex);
        }
    }

    /// <summary>As <see cref="Guard"/>, for a change to other rows than a session's: <paramref name="rows"/> names them.</summary>
    public static async Task GuardRows(string rows, Task write)
    {
        try
        {
            await write;
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            throw new StoreConflictException($"{rows} was changed by another writer meanwhile.", ex);
        }
    }

    // A version that moved, or a row (an answer for the turn, a grade for the answer) another writer inserted first.
    private static bool IsConflict(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };
}
