namespace Interviewer.Api.Storage;

/// <summary>
/// The longest id a client may name (session, answer, candidate, invitation, run): a longer one is refused as input by the
/// hub, and the store's lookups find nothing under it without asking the database.
/// </summary>
internal static class StoredIds
{
    public const int MaxLength = 100;

    public static bool CanExist(string id) => id.Length <= MaxLength;
}
