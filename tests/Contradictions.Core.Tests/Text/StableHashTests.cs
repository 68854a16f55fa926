using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class StableHashTests
{
    // The committed models' n-gram features and the pair features' stem keys depend on these values not changing.
    [Fact]
    public void Hashes_are_64_bit_fnv_1a()
    {
        Assert.Equal(14695981039346656037UL, StableHash.Of(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a"));
        Assert.Equal(0x85944171f73967e8UL, StableHash.Of("foobar"));
        Assert.NotEqual(StableHash.Of("minist"), StableHash.Of("ministr"));
    }

    [Fact]
    public void A_span_hashes_as_the_string_of_its_characters()
    {
        Assert.Equal(StableHash.Of("foobar"), StableHash.Of("foobar".AsSpan()));
        Assert.Equal(StableHash.Of("minis"), StableHash.Of("ministry".AsSpan(0, 5)));
        Assert.NotEqual(StableHash.Of("minis"), StableHash.Of("ministry".AsSpan(0, 6)));
    }
}
