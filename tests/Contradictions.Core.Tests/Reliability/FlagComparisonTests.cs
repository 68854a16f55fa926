using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class FlagComparisonTests
{
    private static SourceReliability Rated(string name, double alpha, double beta)
    {
        var posterior = new BetaDistribution(alpha, beta);
        var (lower, upper) = posterior.CredibleInterval();
        var evidence = new EvidenceCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new SourceReliability(SourceRef.Outlet(name), posterior.Mean, lower, upper, posterior, posterior, evidence, []);
    }

    [Fact]
    public void A_well_established_reliable_side_beats_a_well_established_unreliable_one()
    {
        var assessment = FlagComparison.WhichSideIsMoreLikelyRight([Rated("good.example", 90, 10)], [Rated("bad.example", 20, 80)]);
        Assert.Equal(FlagSide.A, assessment.MoreLikelyRight);
        Assert.True(assessment.ProbabilityARight > 0.9);

        var reversed = FlagComparison.WhichSideIsMoreLikelyRight([Rated("bad.example", 20, 80)], [Rated("good.example", 90, 10)]);
        Assert.Equal(FlagSide.B, reversed.MoreLikelyRight);
    }

    [Fact]
    public void Overlapping_intervals_leave_the_flag_undetermined()
    {
        var assessment = FlagComparison.WhichSideIsMoreLikelyRight([Rated("new-a.example", 3, 2)], [Rated("new-b.example", 2, 3)]);
        Assert.Equal(FlagSide.Undetermined, assessment.MoreLikelyRight);
        Assert.StartsWith("Undetermined", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_without_sources_is_undetermined() =>
        Assert.Equal(FlagSide.Undetermined, FlagComparison.WhichSideIsMoreLikelyRight([Rated("a.example", 9, 1)], []).MoreLikelyRight);
}
