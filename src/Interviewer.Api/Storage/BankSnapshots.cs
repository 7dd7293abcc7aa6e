using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Storage;

/// <summary>
/// The banks as sessions and runs were given them: one stored snapshot per distinct content (bank id, version, content
/// hash), taken when a session starts or a run is saved, read back whenever their history is shown. Snapshots never
/// change, so both directions are cached for the life of the process.
/// </summary>
internal sealed class BankSnapshots(InterviewDb db, BankCatalog catalog, TimeProvider time, ILogger<BankSnapshots> logger)
{
    private readonly ConditionalWeakTable<QuestionBank, Encoded> _encoded = [];
    private readonly ConcurrentDictionary<(string BankId, int Version, string Hash), long> _ids = new();
    private readonly ConcurrentDictionary<long, QuestionBank> _banks = new();

    /// <summary>The snapshot of <paramref name="bank"/>'s content, stored the first time it is asked for.</summary>
    public async Task<long> IdForAsync(QuestionBank bank, CancellationToken ct = default)
    {
        var encoded = Encode(bank);
        var key = (bank.Id, bank.Version, encoded.Hash);
        if (_ids.TryGetValue(key, out var known))
        {
            return known;
        }
        var id = await FindAsync(key, ct) ?? await InsertAsync(bank, encoded, ct);
        _ids[key] = id;
        _banks.TryAdd(id, bank);
        return id;
    }

    /// <summary>The bank a snapshot holds; the served bank itself while its content is unchanged, so graders keep their compiled rubric.</summary>
    public async Task<QuestionBank?> BankAsync(long id, CancellationToken ct = default) =>
        (await BanksAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>The banks of several snapshots (see <see cref="BankAsync"/>), those not yet in memory read in one query; an unknown id is left out.</summary>
    public async Task<IReadOnlyDictionary<long, QuestionBank>> BanksAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var banks = new Dictionary<long, QuestionBank>();
        var missing = new List<long>();
        foreach (var id in ids)
        {
            if (_banks.TryGetValue(id, out var cached))
            {
                banks[id] = cached;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count == 0)
        {
            return banks;
        }
        await using var context = db.CreateContext();
        foreach (var row in await context.BankSnapshots.AsNoTracking().Where(s => missing.Contains(s.Id)).ToListAsync(ct))
        {
            var bank = catalog.Find(row.BankId) is { } served && served.Version == row.Version && Encode(served).Hash == row.ContentHash
                ? served
                : BankSnapshotContent.Deserialize(row.ContentJson);
            _ids.TryAdd((row.BankId, row.Version, row.ContentHash), row.Id);
            banks[row.Id] = _banks.GetOrAdd(row.Id, bank);
        }
        return banks;
    }

    /// <summary>The bank as served now, for a session stored without a snapshot; null when it is not served.</summary>
    public QuestionBank? Served(string bankId) => catalog.Find(bankId);

    /// <summary>
    /// Gives sessions stored before snapshots existed the bank as served now, marked as recovered: run at start, before
    /// any request. A session whose bank is no longer served keeps none (its questions then come from its own turns).
    /// </summary>
    public void AttachToOlderSessions()
    {
        using var context = db.CreateContext();
        var bankIds = context.Sessions.Where(s => s.BankSnapshotId == null).Select(s => s.BankId).Distinct().ToList();
        foreach (var bankId in bankIds)
        {
            if (catalog.Find(bankId) is not { } bank)
            {
                logger.LogWarning("Sessions of bank {BankId}, stored before bank snapshots, keep no snapshot: the bank is not served.", bankId);
                continue;
            }
            var id = IdForAsync(bank).GetAwaiter().GetResult();
            // The version moves too, so that any instance holding one of these sessions in memory reads it again.
            var count = context.Sessions.Where(s => s.BankId == bankId && s.BankSnapshotId == null).ExecuteUpdate(u => u
                .SetProperty(s => s.BankSnapshotId, id)
                .SetProperty(s => s.SnapshotRecovered, true)
                .SetProperty(s => s.Version, s => s.Version + 1));
            logger.LogInformation("{Count} sessions of bank {BankId} v{Version}, stored before bank snapshots, now refer to the bank as served (marked recovered).",
                count, bankId, bank.Version);
        }
    }

    private Encoded Encode(QuestionBank bank) => _encoded.GetValue(bank, b =>
    {
        var json = BankSnapshotContent.Serialize(b);
        return new Encoded(json, BankSnapshotContent.Hash(json));
    });

    private async Task<long?> FindAsync((string BankId, int Version, string Hash) key, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        return await context.BankSnapshots.AsNoTracking()
            .Where(s => s.BankId == key.BankId && s.Version == key.Version && s.ContentHash == key.Hash)
            .Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<long> InsertAsync(QuestionBank bank, Encoded encoded, CancellationToken ct)
    {
        var row = new BankSnapshotRow { BankId = bank.Id, Version = bank.Version, ContentHash = encoded.Hash, ContentJson = encoded.Json, CreatedAt = time.GetUtcNow() };
        try
        {
            await using var context = db.CreateContext();
            context.BankSnapshots.Add(row);
            await context.SaveChangesAsync(ct);
            logger.LogInformation("Stored a snapshot of bank {BankId} v{Version} ({Hash}).", bank.Id, bank.Version, encoded.Hash[..12]);
            return row.Id;
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same content first.
            return await FindAsync((bank.Id, bank.Version, encoded.Hash), ct)
                ?? throw new InvalidOperationException($"The snapshot of bank {bank.Id} v{bank.Version} could not be stored.");
        }
    }

    private sealed record Encoded(string Json, string Hash);
}
