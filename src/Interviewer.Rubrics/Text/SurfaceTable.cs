namespace Interviewer.Rubrics.Text;

/// <summary>
/// A hash table from word forms (looked up by span, so the answer is never copied) to analysed values, read without
/// locks by any number of threads and written under a lock. Entries are immutable and a resize publishes a new bucket
/// array, so a reader always sees a consistent table. It stops growing at its capacity.
/// </summary>
/// <remarks>Hashes are the runtime's randomised string hashes, so crafted answers cannot flood one bucket.</remarks>
internal sealed class SurfaceTable<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private Entry?[] _buckets = new Entry?[256];
    private int _count;

    public SurfaceTable(int capacity) => _capacity = capacity;

    /// <summary>Number of entries.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True when the table holds as many entries as it may.</summary>
    public bool IsFull => Count >= _capacity;

    public static int Hash(ReadOnlySpan<char> key) => string.GetHashCode(key);

    public bool TryGet(ReadOnlySpan<char> key, int hash, out T value)
    {
        var buckets = Volatile.Read(ref _buckets);
        for (var entry = Volatile.Read(ref buckets[hash & (buckets.Length - 1)]); entry is not null; entry = entry.Next)
        {
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                value = entry.Value;
                return true;
            }
        }
        value = null!;
        return false;
    }

    /// <summary>Adds <paramref name="value"/> unless the key is there (then returns the value there) or the table is full (then returns <paramref name="value"/> unstored).</summary>
    public T GetOrAdd(ReadOnlySpan<char> key, int hash, T value, bool evenIfFull = false)
    {
        lock (_gate)
        {
            if (TryGet(key, hash, out var existing))
            {
                return existing;
            }
            if (_count >= _capacity && !evenIfFull)
            {
                return value;
            }
            var buckets = _buckets;
            if (_count >= buckets.Length * 3 / 4)
            {
                buckets = Resize(buckets);
            }
            ref var head = ref buckets[hash & (buckets.Length - 1)];
            Volatile.Write(ref head, new Entry(new string(key), hash, value, head));
            Volatile.Write(ref _count, _count + 1);
            return value;
        }
    }

    private Entry?[] Resize(Entry?[] old)
    {
        var buckets = new Entry?[old.Length * 2];
        foreach (var first in old)
        {
            for (var entry = first; entry is not null; entry = entry.Next)
            {
                ref var head = ref buckets[entry.Hash & (buckets.Length - 1)];
                head = new Entry(entry.Key, entry.Hash, entry.Value, head);
            }
        }
        Volatile.Write(ref _buckets, buckets);
        return buckets;
    }

    private sealed class Entry(string key, int hash, T value, Entry? next)
    {
        public string Key { get; } = key;

        public int Hash { get; } = hash;

        public T Value { get; } = value;

        public Entry? Next { get; } = next;
    }
}
