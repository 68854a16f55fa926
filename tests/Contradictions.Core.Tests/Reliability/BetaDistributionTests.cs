using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class BetaDistributionTests
{
    [Fact]
    public void Ninety_percent_interval_of_Beta_2_2_is_the_5_and_95_percent_quantiles()
    {
        var (lower, upper) = new BetaDistribution(2, 2).CredibleInterval(0.9);
        Assert.Equal(0.1353503621715838, lower, 10);
        Assert.Equal(0.8646496378284161, upper, 10);
    }

    [Fact]
    public void More_evidence_narrows_the_interval_around_the_same_mean()
    {
        var few = new BetaDistribution(4, 1);
        var many = new BetaDistribution(400, 100);
        Assert.Equal(few.Mean, many.Mean, 12);
        var (fl, fu) = few.CredibleInterval();
        var (ml, mu) = many.CredibleInterval();
        Assert.True(mu - ml < (fu - fl) / 5);
    }

    [Fact]
    public void Expected_log_odds_shrink_towards_zero_with_thin_evidence()
    {
        var thin = new BetaDistribution(1.6, 0.4);
        var thick = new BetaDistribution(80, 20);
        var logit = Math.Log(0.8 / 0.2);
        Assert.True(Math.Abs(thick.ExpectedLogOdds - logit) < 0.05);
        Assert.True(thin.ExpectedLogOdds > logit);
        Assert.Equal(0, new BetaDistribution(3, 3).ExpectedLogOdds, 12);
    }

    [Fact]
    public void Rejects_non_positive_parameters() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetaDistribution(0, 1));
}
