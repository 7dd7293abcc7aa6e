using Interviewer.Api.Storage;

namespace Interviewer.Api.Interviews;

/// <summary>
/// Stores and reads sessions through the store's rows (<see cref="SessionRecords"/>), keeping the session's version in
/// step with the stored one. A change made from an out-of-date copy throws <see cref="StaleSessionException"/> and leaves
/// the version as it was (<see cref="SessionCache"/> reads the store's copy again).
/// </summary>
internal static class SessionStorage
{
    public static async Task InsertAsync(this InterviewStore store, InterviewSession session)
    {
        session.BankSnapshotId ??= await store.SnapshotIdAsync(session.Bank);
        await store.AddSessionAsync(SessionRecords.Row(session), session.Turns.Select(t => SessionRecords.Row(session.Id, t)).ToList());
    }

    /// <summary>Stores an answer already claimed for grading by <paramref name="claim"/>'s instance.</summary>
    public static async Task SaveAnswerAsync(this InterviewStore store, InterviewSession session, InterviewTurn turn, GradingClaim claim) =>
        session.Version = await store.AddAnswerAsync(SessionRecords.Row(session), SessionRecords.AnswerRow(session.Id, turn, claim));

    public static async Task SaveGradeAsync(this InterviewStore store, InterviewSession session, InterviewTurn graded, InterviewTurn? next, DateTimeOffset now) =>
        session.Version = await store.AddGradeAsync(SessionRecords.Row(session), SessionRecords.GradeRow(session.Id, graded, now),
            next is null ? null : SessionRecords.Row(session.Id, next));

    public static async Task SaveSkipAsync(this InterviewStore store, InterviewSession session, InterviewTurn skipped, InterviewTurn? next) =>
        session.Version = await store.SkipTurnAsync(SessionRecords.Row(session), SessionRecords.Row(session.Id, skipped),
            next is null ? null : SessionRecords.Row(session.Id, next));

    public static async Task SaveStatusAsync(this InterviewStore store, InterviewSession session) =>
        session.Version = await store.UpdateSessionAsync(SessionRecords.Row(session));

    /// <summary>Removes an answer that could not be graded, so that its turn can be answered again.</summary>
    public static async Task WithdrawAnswerAsync(this InterviewStore store, InterviewSession session, string answerId) =>
        session.Version = await store.RemoveAnswerAsync(SessionRecords.Row(session), answerId);

    /// <summary>Rebuilds a session from the store; null when there is none by that id.</summary>
    public static async Task<InterviewSession?> LoadAsync(this InterviewStore store, string sessionId, CancellationToken ct = default) =>
        await store.ReadAsync(sessionId, ct) is { } stored ? SessionRecords.Session(stored) : null;

    /// <summary>Rebuilds several sessions, read together, in the order of <paramref name="sessionIds"/>; an id with no session is left out.</summary>
    public static async Task<IReadOnlyList<InterviewSession>> LoadAsync(this InterviewStore store, IReadOnlyCollection<string> sessionIds, CancellationToken ct = default) =>
        (await store.ReadAsync(sessionIds, ct)).Select(SessionRecords.Session).ToList();
}
