using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class KeySetTests
{
    [Fact]
    public void Sorting_distinct_in_place_puts_the_key_set_first_and_says_how_long_it_is()
    {
        ulong[] values = [7, ulong.MaxValue, 1, 3, 7, 1];

        int n = KeySet.SortDistinct(values);

        Assert.Equal(4, n);
        Assert.Equal([1UL, 3, 7, ulong.MaxValue], values[..n]);
        Assert.Equal(0, KeySet.SortDistinct([]));
        Assert.Equal(1, KeySet.SortDistinct(new ulong[] { 5, 5, 5 }));
    }

    [Fact]
    public void A_key_set_is_the_distinct_keys_ascending()
    {
        Assert.Equal([1UL, 3, 7, ulong.MaxValue], KeySet.Of([7, ulong.MaxValue, 1, 3, 7, 1]));
        Assert.Empty(KeySet.Of([]));
    }

    [Fact]
    public void An_ascending_array_without_repeats_is_its_own_key_set_and_one_with_repeats_loses_them()
    {
        ulong[] distinct = [1, 3, 7];
        Assert.Same(distinct, KeySet.OfAscending(distinct));
        Assert.Equal([1UL, 3, 7], KeySet.OfAscending([1, 1, 3, 7, 7, 7]));
        Assert.Empty(KeySet.OfAscending([]));
    }

    [Fact]
    public void Counting_values_in_a_set_counts_each_repeat_and_matches_a_lookup_per_value()
    {
        var random = new Random(7);
        for (int round = 0; round < 2_000; round++)
        {
            // Small key ranges so that values repeat and often meet the set; either side may be empty.
            int range = random.Next(1, 40);
            var values = Enumerable.Range(0, random.Next(0, 30)).Select(_ => (ulong)random.Next(range)).Order().ToArray();
            var set = KeySet.Of(Enumerable.Range(0, random.Next(0, 30)).Select(_ => (ulong)random.Next(range)).ToList());
            int expected = values.Count(v => Array.BinarySearch(set, v) >= 0);
            Assert.Equal(expected, KeySet.CountIn(values, set));
        }
        Assert.Equal(3, KeySet.CountIn([2, 2, 5, ulong.MaxValue], [2, ulong.MaxValue]));
        Assert.Equal(0, KeySet.CountIn([], [1]));
        ulong[] stems = [2, 5, 9, 40];
        Assert.Equal(4, KeySet.CountIn([1, 2, 2, 5, 6, 9, 41], stems));
        Assert.Equal(0, KeySet.CountIn([1, 3, 41], stems));
        Assert.Equal(0, KeySet.CountIn([2, 5], []));
        Assert.Equal(1, KeySet.CountIn([ulong.MaxValue], [0, ulong.MaxValue]));
    }
}
