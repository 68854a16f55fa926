using Contradictions.Core.Stance;
using S = Contradictions.Core.Stance.Stance;

namespace Contradictions.Core.Tests.Stance;

public class StanceMetricsTests
{
    [Fact]
    public void Fnc_score_gives_quarter_for_relatedness_and_three_quarters_for_the_exact_stance()
    {
        S[] gold = [S.Agree, S.Disagree, S.Discuss, S.Unrelated, S.Unrelated];
        S[] predicted = [S.Agree, S.Agree, S.Unrelated, S.Unrelated, S.Discuss];

        var m = StanceMetrics.Compute(gold, predicted);

        // agree right: 1; disagree→agree: 0.25; discuss→unrelated: 0; unrelated right: 0.25; unrelated→discuss: 0.
        Assert.Equal(1.5, m.FncScore);
        Assert.Equal(3.5, m.FncMax);
        Assert.Equal(1.5 / 3.5, m.FncRelative, 10);
        Assert.Equal(0.4, m.Accuracy, 10);
    }

    [Fact]
    public void Per_class_and_macro_f1_follow_the_confusion_matrix()
    {
        S[] gold = [S.Agree, S.Agree, S.Disagree, S.Discuss];
        S[] predicted = [S.Agree, S.Disagree, S.Disagree, S.Discuss];

        var m = StanceMetrics.Compute(gold, predicted);

        Assert.Equal(1.0, m[S.Agree].Precision);
        Assert.Equal(0.5, m[S.Agree].Recall);
        Assert.Equal(2 / 3.0, m[S.Agree].F1, 10);
        Assert.Equal(0.5, m[S.Disagree].Precision);
        Assert.Equal(2 / 3.0, m[S.Disagree].F1, 10);
        Assert.Equal(1.0, m[S.Discuss].F1);
        Assert.Equal(0.0, m[S.Unrelated].F1);
        Assert.Equal((2 / 3.0 + 2 / 3.0 + 1 + 0) / 4, m.MacroF1, 10);
        Assert.Equal(1, m.Confusion[(int)S.Agree][(int)S.Disagree]);
    }

    [Fact]
    public void Labels_parse_case_insensitively_and_reject_unknown_ones()
    {
        Assert.True(StanceNames.TryParse(" Disagree ", out var s));
        Assert.Equal(S.Disagree, s);
        Assert.False(StanceNames.TryParse("sideways", out _));
        Assert.Equal("unrelated", S.Unrelated.ToLabel());
    }
}
