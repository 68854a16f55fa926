using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class SourcePriorsTests
{
    private static readonly SourcePriors Priors = new(
    [
        new("cnn.com", SourcePriorLabel.Reliable),
        new("www.infowars.com", SourcePriorLabel.Blacklisted),
        new("dailymail.co.uk", SourcePriorLabel.Mixed),
    ]);

    [Fact]
    public void Labels_map_to_documented_priors()
    {
        Assert.Equal(new BetaDistribution(6, 2), SourcePriors.PriorFor(SourcePriorLabel.Reliable));
        Assert.Equal(new BetaDistribution(4, 4), SourcePriors.PriorFor(SourcePriorLabel.Mixed));
        Assert.Equal(new BetaDistribution(2, 6), SourcePriors.PriorFor(SourcePriorLabel.Unreliable));
        Assert.Equal(new BetaDistribution(1, 7), SourcePriors.PriorFor(SourcePriorLabel.Blacklisted));
    }

    [Fact]
    public void Subdomains_fall_back_to_the_rated_parent_but_not_to_a_bare_suffix()
    {
        Assert.True(Priors.TryGetLabel(SourceRef.Outlet("edition.cnn.com"), out var label));
        Assert.Equal(SourcePriorLabel.Reliable, label);
        Assert.True(Priors.TryGetLabel(SourceRef.Outlet("http://www.dailymail.co.uk/news"), out label));
        Assert.Equal(SourcePriorLabel.Mixed, label);
        Assert.False(Priors.TryGetLabel(SourceRef.Outlet("other.co.uk"), out _));
    }

    [Fact]
    public void Speakers_get_no_outlet_prior() =>
        Assert.False(Priors.TryGetPrior(SourceRef.Speaker("cnn.com"), out _));

    [Fact]
    public void For_returns_only_rated_sources()
    {
        var result = Priors.For([SourceRef.Outlet("infowars.com"), SourceRef.Outlet("unknown.example")]);
        Assert.Single(result);
        Assert.Equal(new BetaDistribution(1, 7), result[SourceRef.Outlet("infowars.com")]);
    }
}
