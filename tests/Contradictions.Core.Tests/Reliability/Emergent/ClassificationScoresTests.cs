using Contradictions.Core.Reliability.Veracity;

namespace Contradictions.Core.Tests.Reliability.Emergent;

public class ClassificationScoresTests
{
    [Fact]
    public void Macro_F1_averages_the_three_classes()
    {
        // true: tp 1 fp 0 fn 1 → 2/3; false: tp 1 fp 1 fn 0 → 2/3; unknown: never present nor predicted → 0.
        var scores = ClassificationScores.Compute(
        [
            (Veracity.True, Veracity.True),
            (Veracity.True, Veracity.False),
            (Veracity.False, Veracity.False),
        ]);
        Assert.Equal(2.0 / 3, scores.Accuracy, 12);
        Assert.Equal((2.0 / 3 + 2.0 / 3) / 3, scores.MacroF1, 12);
    }
}
