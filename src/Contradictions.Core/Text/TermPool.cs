using System.Collections.Concurrent;

namespace Contradictions.Core.Text;

/// <summary>
/// One string per distinct term (a stem, an entity or number feature), shared by every claim that has it.
/// Thread-safe. A scan keeps the subject terms of every claim until its index is built: as one string each time a
/// claim had them, they were most of the strings the collector had to copy, and most of them repeat. Looking a term up
/// by its characters makes no string unless the term is new.
/// </summary>
public sealed class TermPool
{
    private readonly ConcurrentDictionary<string, string> terms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private int count;

    /// <summary>A pool that keeps at most <paramref name="capacity"/> terms.</summary>
    /// <param name="capacity">
    /// Terms kept at most; a term beyond them is returned as a new string each time, so a pool that lives long stays
    /// bounded whatever it reads. Default <see cref="DefaultCapacity"/>.
    /// </param>
    public TermPool(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>262,144 terms: about 25 MB when full, nine times the 29,548 distinct subject terms of the FNC-1 training bodies.</summary>
    public const int DefaultCapacity = 1 << 18;

    public int Capacity { get; }

    /// <summary>Terms kept so far.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>The pool's string equal to <paramref name="term"/>, added if new and the pool is not full.</summary>
    public string Get(ReadOnlySpan<char> term)
    {
        if (lookup.TryGetValue(term, out var kept)) return kept;
        var made = term.ToString();
        // Counted before adding, so concurrent adds may pass the capacity by one per thread: a bound, not an exact size.
        if (Volatile.Read(ref count) >= Capacity) return made;
        if (terms.TryAdd(made, made))
        {
            Interlocked.Increment(ref count);
            return made;
        }
        return terms.TryGetValue(made, out kept) ? kept : made;
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
}
