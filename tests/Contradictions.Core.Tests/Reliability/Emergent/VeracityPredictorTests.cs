using Contradictions.Core.Reliability;
using Contradictions.Core.Reliability.Veracity;
using static Contradictions.Core.Tests.Reliability.Emergent.VeracityBaselinesTests;

namespace Contradictions.Core.Tests.Reliability.Emergent;

public class VeracityPredictorTests
{
    /// <summary>"honest" is always right, "hoaxer" always wrong, on twenty labelled claims of both truths.</summary>
    private static List<EmergentArticle> Training()
    {
        var rows = new List<EmergentArticle>();
        for (var c = 0; c < 20; c++)
        {
            var truth = c % 2 == 0 ? Veracity.True : Veracity.False;
            var right = truth == Veracity.True ? HeadlineStance.For : HeadlineStance.Against;
            var wrong = truth == Veracity.True ? HeadlineStance.Against : HeadlineStance.For;
            rows.Add(Article($"t{c}", right, "honest.example", truth));
            rows.Add(Article($"t{c}", wrong, "hoaxer.example", truth));
            rows.Add(Article($"t{c}", wrong, "hoaxer-mirror.example", truth));
        }

        return rows;
    }

    [Fact]
    public void A_reliable_source_outweighs_two_unreliable_ones()
    {
        var model = VeracityPredictor.Train(Training());

        EmergentArticle[] test = [Article("x", HeadlineStance.Against, "honest.example"), Article("x", HeadlineStance.For, "hoaxer.example"), Article("x", HeadlineStance.For, "hoaxer-mirror.example")];
        var prediction = model.Predict("x", test);

        Assert.Equal(Veracity.False, prediction.Predicted);
        Assert.Equal(Veracity.True, VeracityBaselines.ForMinusAgainst("x", test).Predicted);
        var honest = model.Reliability.Find(SourceRef.Outlet("honest.example"))!;
        var hoaxer = model.Reliability.Find(SourceRef.Outlet("hoaxer.example"))!;
        Assert.True(honest.Lower > 0.7);
        Assert.True(hoaxer.Upper < 0.3);
    }

    [Fact]
    public void Source_priors_decide_for_sources_never_seen_in_training()
    {
        var priors = new SourcePriors([new("trusted.example", SourcePriorLabel.Reliable), new("junk.example", SourcePriorLabel.Blacklisted)]);
        var model = VeracityPredictor.Train(Training(), priors);
        EmergentArticle[] test = [Article("y", HeadlineStance.For, "trusted.example"), Article("y", HeadlineStance.Against, "junk.example")];
        Assert.True(model.Predict("y", test).ProbabilityTrue > model.ClaimPrior);
    }

    [Fact]
    public void Cross_validation_is_deterministic()
    {
        var rows = Training();
        var first = VeracityCrossValidation.Run(rows, folds: 4, seed: 3);
        var second = VeracityCrossValidation.Run(rows, folds: 4, seed: 3);
        Assert.Equal(first.Methods, second.Methods);
        Assert.Equal(first.Coverage, second.Coverage);
        Assert.Equal(20, first.Claims);
    }
}
