using Contradictions.ML.Features;

namespace Contradictions.ML.Tests;

public class PassageFeaturesTests
{
    [Fact]
    public void Values_are_counted_in_a_set_once_per_occurrence()
    {
        ulong[] set = [2, 5, 9, 40];

        Assert.Equal(4, PassageFeatures.CountIn([1, 2, 2, 5, 6, 9, 41], set));
        Assert.Equal(0, PassageFeatures.CountIn([1, 3, 41], set));
        Assert.Equal(0, PassageFeatures.CountIn([], set));
        Assert.Equal(0, PassageFeatures.CountIn([2, 5], []));
        Assert.Equal(1, PassageFeatures.CountIn([ulong.MaxValue], [0, ulong.MaxValue]));
    }
}
