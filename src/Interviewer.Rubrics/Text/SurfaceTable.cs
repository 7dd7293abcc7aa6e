namespace Interviewer.Rubrics.Text;

/// <summary>An entry of a <see cref="SurfaceTable{T}"/>: it carries its own key.</summary>
internal interface ISurfaceKeyed
{
    /// <summary>The word form as written.</summary>
    string Surface { get; }

    /// <summary><see cref="SurfaceTable{T}.Hash"/> of <see cref="Surface"/>.</summary>
    int SurfaceHash { get; }
}

/// <summary>
/// An open-addressing hash table of entries keyed by word forms (looked up by span, so the answer is never copied),
/// read without locks by any number of threads and written under a lock. A lookup touches the slot array, the entry
/// and its key; a resize publishes a new slot array, so a reader always sees a consistent table (at worst it misses
/// an entry just added, and the caller adds it again under the lock, which finds it). It stops growing at its capacity.
/// </summary>
/// <remarks>Hashes are the runtime's randomised string hashes, so crafted answers cannot pile words into one run of slots.</remarks>
internal sealed class SurfaceTable<T>
    where T : class, ISurfaceKeyed
{
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private T?[] _slots = new T?[512];
    private int _count;

    public SurfaceTable(int capacity) => _capacity = capacity;

    /// <summary>Number of entries.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True when the table holds as many entries as it may.</summary>
    public bool IsFull => Count >= _capacity;

    public static int Hash(ReadOnlySpan<char> key) => string.GetHashCode(key);

    public bool TryGet(ReadOnlySpan<char> key, int hash, out T value)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[i]);
            if (entry is null)
            {
                value = null!;
                return false;
            }
            if (entry.SurfaceHash == hash && key.SequenceEqual(entry.Surface))
            {
                value = entry;
                return true;
            }
        }
    }

    /// <summary>Adds <paramref name="value"/> unless its key is there (then returns the entry there) or the table is full (then returns <paramref name="value"/> unstored).</summary>
    public T GetOrAdd(T value, bool evenIfFull = false)
    {
        lock (_gate)
        {
            if (TryGet(value.Surface, value.SurfaceHash, out var existing))
            {
                return existing;
            }
            if (_count >= _capacity && !evenIfFull)
            {
                return value;
            }
            var slots = _slots;
            // At most half full, so that probes stay short and a miss finds an empty slot quickly.
            if (2 * (_count + 1) > slots.Length)
            {
                slots = new T?[slots.Length * 2];
                foreach (var entry in _slots)
                {
                    if (entry is not null)
                    {
                        Place(slots, entry);
                    }
                }
                Place(slots, value);
                Volatile.Write(ref _slots, slots);
            }
            else
            {
                Place(slots, value);
            }
            Volatile.Write(ref _count, _count + 1);
            return value;
        }
    }

    private static void Place(T?[] slots, T entry)
    {
        var mask = slots.Length - 1;
        var i = entry.SurfaceHash & mask;
        while (slots[i] is not null)
        {
            i = (i + 1) & mask;
        }
        Volatile.Write(ref slots[i], entry);
    }
}
