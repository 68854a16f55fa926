namespace Contradictions.Core.Text;

/// <summary>
/// One string per distinct term (a stem, an entity or number feature), shared by every claim that has it.
/// Thread-safe. A scan keeps the subject terms of every claim until its index is built: as one string each time a
/// claim had them, they were most of the strings the collector had to copy, and most of them repeat. Looking a term up
/// by its characters makes no string unless the term is new.
/// </summary>
/// <remarks>
/// An open-addressing table of (hash, string) entries: a hit reads one entry and the string it compares, where a
/// concurrent dictionary read a bucket, a node and then the string (a scan looks up every stem of every claim here,
/// and those reads, mostly cache misses, were a fortieth of its time). Reads take no lock; a term not found is added
/// under the lock, into the current table or a larger copy that then replaces it. An entry is never removed or
/// changed once its string is published, so a reader on a table just replaced still finds what it held, and one that
/// misses a term added meanwhile finds it again under the lock.
/// </remarks>
public sealed class TermPool
{
    private struct Entry
    {
        public int Hash;
        public string? Value;
    }

    private readonly Lock gate = new();
    private volatile Entry[] entries = new Entry[InitialSlots];
    private int count;

    private const int InitialSlots = 1 << 10;

    /// <summary>A pool that keeps at most <paramref name="capacity"/> terms.</summary>
    /// <param name="capacity">
    /// Terms kept at most; a term beyond them is returned as a new string each time, so a pool that lives long stays
    /// bounded whatever it reads. Default <see cref="DefaultCapacity"/>.
    /// </param>
    public TermPool(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    /// <summary>262,144 terms: about 20 MB when full (the strings and an 8 MB table), nine times the 29,548 distinct subject terms of the FNC-1 training bodies.</summary>
    public const int DefaultCapacity = 1 << 18;

    public int Capacity { get; }

    /// <summary>Terms kept so far.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>The pool's string equal to <paramref name="term"/>, added if new and the pool is not full.</summary>
    public string Get(ReadOnlySpan<char> term)
    {
        int hash = string.GetHashCode(term);
        if (Find(entries, term, hash) is { } kept) return kept;
        lock (gate)
        {
            var table = entries;
            if (Find(table, term, hash) is { } added) return added;
            var made = term.ToString();
            if (count >= Capacity) return made;
            // At most half full, so a probe meets an empty entry soon.
            if (2 * (count + 1) > table.Length) entries = table = Grown(table);
            Insert(table, hash, made);
            Volatile.Write(ref count, count + 1);
            return made;
        }
    }

    /// <summary>The pool's string for <paramref name="prefix"/> followed by <paramref name="term"/>, made only if new.</summary>
    public string Get(string prefix, string term)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(term);
        int length = prefix.Length + term.Length;
        if (length > 256) return Get((prefix + term).AsSpan());
        Span<char> joined = stackalloc char[length];
        prefix.CopyTo(joined);
        term.CopyTo(joined[prefix.Length..]);
        return Get(joined);
    }

    private static string? Find(Entry[] table, ReadOnlySpan<char> term, int hash)
    {
        int mask = table.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            // The string is read first: once it is seen, so is the hash written before it.
            var value = Volatile.Read(ref table[i].Value);
            if (value is null) return null;
            if (table[i].Hash == hash && term.SequenceEqual(value)) return value;
        }
    }

    private static void Insert(Entry[] table, int hash, string value)
    {
        int mask = table.Length - 1;
        int i = hash & mask;
        while (table[i].Value is not null) i = (i + 1) & mask;
        table[i].Hash = hash;
        Volatile.Write(ref table[i].Value, value);
    }

    private static Entry[] Grown(Entry[] table)
    {
        var grown = new Entry[table.Length * 2];
        foreach (var e in table)
        {
            if (e.Value is not null) Insert(grown, e.Hash, e.Value);
        }
        return grown;
    }
}
