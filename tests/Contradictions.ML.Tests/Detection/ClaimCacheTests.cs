using Contradictions.ML.Detection;

namespace Contradictions.ML.Tests.Detection;

public class ClaimCacheTests
{
    [Fact]
    public void Each_id_gets_one_value_made_once_when_asked_from_one_thread()
    {
        var cache = new ClaimCache<string>();
        int made = 0;
        long[] ids = [0, 1, 4095, 4096, 70_000, (1L << 26) - 1, 1L << 26, long.MaxValue];
        foreach (var id in ids)
        {
            var first = cache.GetOrAdd(id, i => { made++; return $"claim {i}"; }, id);
            var again = cache.GetOrAdd(id, i => { made++; return "other"; }, id);
            Assert.Equal($"claim {id}", first);
            Assert.Same(first, again);
        }
        Assert.Equal(ids.Length, made);
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.GetOrAdd(-1, i => "x", 0L));
    }

    [Fact]
    public void Threads_racing_for_the_same_ids_all_get_the_same_instance()
    {
        var cache = new ClaimCache<object>();
        const int Ids = 50_000;
        var seen = new object[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var mine = new object[Ids];
            // Each thread walks the ids in its own order, so blocks are created and slots filled concurrently.
            for (int k = 0; k < Ids; k++)
            {
                int id = t % 2 == 0 ? k : Ids - 1 - k;
                mine[id] = cache.GetOrAdd(id * 3L, static _ => new object(), 0);
            }
            seen[t] = mine;
        });
        for (int id = 0; id < Ids; id++)
        {
            for (int t = 1; t < 4; t++) Assert.Same(seen[0][id], seen[t][id]);
            Assert.Same(seen[0][id], cache.GetOrAdd(id * 3L, static _ => new object(), 0));
        }
    }
}
