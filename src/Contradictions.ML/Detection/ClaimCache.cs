using System.Collections.Concurrent;

namespace Contradictions.ML.Detection;

/// <summary>
/// Per-claim values by claim id, thread-safe. Stored claims have small dense ids (SQLite row ids), so they live in
/// blocks of an array: a lookup is two loads, where a concurrent dictionary of a scan's 29,000 claims hashed, walked
/// a bucket's node and missed the cache (1% of a scan's time: both claims of every candidate pair are looked up).
/// Larger ids go to a dictionary.
/// </summary>
internal sealed class ClaimCache<T> where T : class
{
    private const int BlockBits = 12, BlockSize = 1 << BlockBits;
    private const long DenseLimit = 1L << 26;

    private T?[]?[] blocks = new T?[]?[16];
    private readonly Lock grow = new();
    private readonly ConcurrentDictionary<long, T> sparse = new();

    /// <summary>
    /// The value for <paramref name="id"/> (≥ 0), made by <paramref name="make"/> if absent. As with a concurrent
    /// dictionary's GetOrAdd, two threads may both make it; one value wins and both return it.
    /// </summary>
    public T GetOrAdd<TArg>(long id, Func<TArg, T> make, TArg arg)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (id >= DenseLimit) return sparse.GetOrAdd(id, static (_, a) => a.make(a.arg), (make, arg));
        var block = Block((int)(id >> BlockBits));
        ref T? slot = ref block[(int)id & (BlockSize - 1)];
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, make(arg), null) ?? slot!;
    }

    private T?[] Block(int index)
    {
        var all = Volatile.Read(ref blocks);
        if (index < all.Length && Volatile.Read(ref all[index]) is { } block) return block;
        lock (grow)
        {
            all = blocks;
            if (index >= all.Length)
            {
                Array.Resize(ref all, Math.Max(index + 1, all.Length * 2));
                Volatile.Write(ref blocks, all);
            }
            if (all[index] is { } made) return made;
            var fresh = new T?[BlockSize];
            Volatile.Write(ref all[index], fresh);
            return fresh;
        }
    }
}
