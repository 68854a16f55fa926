using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class TermPoolTests
{
    [Fact]
    public void Equal_terms_are_one_string_and_different_terms_are_not_mixed()
    {
        var pool = new TermPool();
        var first = pool.Get("ceasefire".AsSpan());
        Span<char> again = stackalloc char[9];
        "ceasefire".CopyTo(again);

        Assert.Same(first, pool.Get(again));
        Assert.Equal("ceasefir", pool.Get("ceasefir".AsSpan()));
        Assert.NotSame(first, pool.Get("Ceasefire".AsSpan()));
        Assert.Same(pool.Get("e:kyiv".AsSpan()), pool.Get("e:", "kyiv"));
        Assert.Equal("", pool.Get([]));
        Assert.Equal(5, pool.Count);
    }

    [Fact]
    public void A_full_pool_still_returns_equal_strings_without_keeping_them()
    {
        var pool = new TermPool(capacity: 2);
        var kept = pool.Get("kyiv".AsSpan());
        pool.Get("moscow".AsSpan());

        var beyond = pool.Get("minsk".AsSpan());

        Assert.Equal("minsk", beyond);
        Assert.NotSame(beyond, pool.Get("minsk".AsSpan()));
        Assert.Same(kept, pool.Get("kyiv".AsSpan()));
        Assert.Equal(2, pool.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TermPool(-1));
    }

    [Fact]
    public void Threads_asking_for_the_same_terms_at_once_get_the_same_strings()
    {
        var pool = new TermPool();
        var words = Enumerable.Range(0, 2_000).Select(i => "term" + i).ToArray();
        var seen = new string[8][];

        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            seen[t] = [.. words.Select(w => pool.Get(w.AsSpan()))]);

        AssertOneStringPerTerm(pool, words, seen);
    }

    [Fact]
    public void Threads_adding_many_new_terms_while_the_table_grows_each_get_one_string_per_term()
    {
        var pool = new TermPool();
        // Each thread walks the words from its own starting point, so every thread adds some while others read.
        var words = Enumerable.Range(0, 40_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var seen = new string[4][];

        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var mine = new string[words.Length];
            for (int k = 0; k < words.Length; k++)
            {
                int i = (k + t * words.Length / seen.Length) % words.Length;
                mine[i] = pool.Get(words[i].AsSpan());
            }
            seen[t] = mine;
        });

        AssertOneStringPerTerm(pool, words, seen);
    }

    /// <summary>Every thread got each word as itself, all threads the same string, and the pool keeps each word once.</summary>
    private static void AssertOneStringPerTerm(TermPool pool, string[] words, string[][] seen)
    {
        for (int i = 0; i < words.Length; i++)
        {
            Assert.Equal(words[i], seen[0][i]);
            Assert.All(seen, s => Assert.Same(seen[0][i], s[i]));
        }
        Assert.Equal(words.Length, pool.Count);
    }

    [Fact]
    public void A_long_prefixed_term_is_joined_as_a_short_one()
    {
        var pool = new TermPool();
        var name = new string('k', 300);

        Assert.Same(pool.Get(("e:" + name).AsSpan()), pool.Get("e:", name));
    }
}
