using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Interviewer.Api.Storage;

/// <summary>
/// The SQLite writer's connection: answers and grades written with prepared statements on one long-lived connection,
/// one transaction per group of changes. EF Core's change tracker and SQL generation cost more than the writes
/// themselves at hundreds of answers a second; every other change (and PostgreSQL) still goes through EF Core, here
/// on the same connection and in the same transaction, so that a group costs one commit. Used only from the writer's thread.
/// </summary>
internal sealed class SqliteHotPath : IDisposable
{
    private static readonly Func<object?, object?> Ticks = new DateTimeOffsetToBinaryConverter().ConvertToProvider;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertAnswer;
    private readonly SqliteCommand _insertGrade;
    private readonly SqliteCommand _insertTurn;
    private readonly SqliteCommand _updateSession;
    private readonly SqliteInterviewDbContext _context;

    public SqliteHotPath(string databasePath, bool synchronousNormal)
    {
        // The same settings EF Core's connections have: foreign keys enforced, and the configured synchronous level.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, ForeignKeys = true }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        if (synchronousNormal)
        {
            using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }
        _insertAnswer = Prepare(
            """
            INSERT INTO answers (SessionId, AnswerId, TurnNumber, Text, ReceivedAt, ClaimedBy, ClaimExpiresAt)
            VALUES ($session, $answer, $turn, $text, $received, $claimedBy, $claimExpires)
            """,
            "$session", "$answer", "$turn", "$text", "$received", "$claimedBy", "$claimExpires");
        _insertGrade = Prepare(
            """
            INSERT INTO grades (SessionId, AnswerId, Grader, BankId, BankVersion, Score, Degraded, LatencyMs, ResultJson, GradedAt)
            VALUES ($session, $answer, $grader, $bank, $bankVersion, $score, $degraded, $latency, $json, $at)
            """,
            "$session", "$answer", "$grader", "$bank", "$bankVersion", "$score", "$degraded", "$latency", "$json", "$at");
        _insertTurn = Prepare(
            """
            INSERT INTO turns (SessionId, Number, QuestionIndex, QuestionId, IsFollowUp, Text, AskedAt, Skipped)
            VALUES ($session, $number, $index, $question, $followUp, $text, $asked, $skipped)
            """,
            "$session", "$number", "$index", "$question", "$followUp", "$text", "$asked", "$skipped");
        _updateSession = Prepare(
            """
            UPDATE sessions SET Status = $status, UpdatedAt = $updated, FinishedAt = $finished, OverallScore = $score, Version = $version + 1
            WHERE Id = $session AND Version = $version
            """,
            "$session", "$status", "$updated", "$finished", "$score", "$version");
        _context = new SqliteInterviewDbContext(new DbContextOptionsBuilder<SqliteInterviewDbContext>().UseSqlite(_connection).Options);
        // The writer's transaction is the unit of work: no savepoint around each SaveChanges inside it.
        _context.Database.AutoSavepointsEnabled = false;
    }

    /// <summary>
    /// Runs the changes, prepared statements and EF Core's, in one transaction; any failure rolls all of them back and is rethrown.
    /// </summary>
    public void Commit(IEnumerable<Action<SqliteHotPath>> changes, IEnumerable<Action<InterviewDbContext>> efChanges)
    {
        using var transaction = _connection.BeginTransaction();
        _insertAnswer.Transaction = transaction;
        _insertGrade.Transaction = transaction;
        _insertTurn.Transaction = transaction;
        _updateSession.Transaction = transaction;
        foreach (var change in changes)
        {
            change(this);
        }
        try
        {
            var any = false;
            foreach (var apply in efChanges)
            {
                apply(_context);
                any = true;
            }
            if (any)
            {
                _context.Database.UseTransaction(transaction);
                _context.SaveChanges();
            }
        }
        finally
        {
            // One context serves every group: it forgets each group's entities, saved or not.
            _context.ChangeTracker.Clear();
            _context.Database.UseTransaction(null);
        }
        transaction.Commit();
    }

    public void InsertAnswer(AnswerRow row)
    {
        var p = _insertAnswer.Parameters;
        p[0].Value = row.SessionId;
        p[1].Value = row.AnswerId;
        p[2].Value = row.TurnNumber;
        p[3].Value = row.Text;
        p[4].Value = Ticks(row.ReceivedAt);
        p[5].Value = (object?)row.ClaimedBy ?? DBNull.Value;
        p[6].Value = row.ClaimExpiresAt is { } expires ? Ticks(expires) : DBNull.Value;
        _insertAnswer.ExecuteNonQuery();
    }

    public void InsertGrade(GradeRow row)
    {
        var p = _insertGrade.Parameters;
        p[0].Value = row.SessionId;
        p[1].Value = row.AnswerId;
        p[2].Value = row.Grader;
        p[3].Value = row.BankId;
        p[4].Value = row.BankVersion;
        p[5].Value = row.Score;
        p[6].Value = row.Degraded;
        p[7].Value = row.LatencyMs;
        p[8].Value = row.ResultJson;
        p[9].Value = Ticks(row.GradedAt);
        _insertGrade.ExecuteNonQuery();
    }

    public void InsertTurn(TurnRow row)
    {
        var p = _insertTurn.Parameters;
        p[0].Value = row.SessionId;
        p[1].Value = row.Number;
        p[2].Value = row.QuestionIndex;
        p[3].Value = row.QuestionId;
        p[4].Value = row.IsFollowUp;
        p[5].Value = row.Text;
        p[6].Value = Ticks(row.AskedAt);
        p[7].Value = row.Skipped;
        _insertTurn.ExecuteNonQuery();
    }

    /// <summary>Writes the session's changing columns and moves its version from <paramref name="expected"/> to the next.</summary>
    public void UpdateSession(SessionRow row, long expected)
    {
        var p = _updateSession.Parameters;
        p[0].Value = row.Id;
        p[1].Value = row.Status;
        p[2].Value = Ticks(row.UpdatedAt);
        p[3].Value = row.FinishedAt is { } finished ? Ticks(finished) : DBNull.Value;
        p[4].Value = row.OverallScore is { } score ? score : DBNull.Value;
        p[5].Value = expected;
        if (_updateSession.ExecuteNonQuery() != 1)
        {
            throw Stale(row.Id);
        }
    }

    public void Dispose()
    {
        _context.Dispose();
        _insertAnswer.Dispose();
        _insertGrade.Dispose();
        _insertTurn.Dispose();
        _updateSession.Dispose();
        _connection.Dispose();
    }

    private static DbUpdateConcurrencyException Stale(string sessionId) =>
        new($"Session {sessionId} was changed by another writer since it was read.");

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }
        command.Prepare();
        return command;
    }
}
