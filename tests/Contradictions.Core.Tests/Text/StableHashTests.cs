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
}
