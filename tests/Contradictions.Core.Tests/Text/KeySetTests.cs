using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class KeySetTests
{
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
}
