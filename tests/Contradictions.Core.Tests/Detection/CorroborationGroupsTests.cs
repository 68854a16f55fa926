using Contradictions.Core.Claims;
using Contradictions.Core.Detection;

namespace Contradictions.Core.Tests.Detection;

public class CorroborationGroupsTests
{
    [Fact]
    public void Copies_of_one_origin_count_once()
    {
        var groups = CorroborationGroups.Build(
        [
            new ClaimOrigin(1, "o:1", "Reuters"),
            new ClaimOrigin(2, "o:1", "Yahoo News"),
            new ClaimOrigin(3, "o:1", "MSN"),
        ], []);

        var group = Assert.Single(groups.Groups);
        Assert.Equal([1L, 2L, 3L], group.ClaimIds);
        Assert.Equal(["o:1"], group.Origins);
        Assert.Equal(1, group.IndependentOrigins);
    }

    [Fact]
    public void Restatements_from_independent_origins_each_count()
    {
        var groups = CorroborationGroups.Build(
        [
            new ClaimOrigin(1, "o:1", "Reuters", "kremlin"),
            new ClaimOrigin(2, "o:2", "AP", "kremlin"),
            new ClaimOrigin(3, "o:1", "MSN", "kremlin"),
            new ClaimOrigin(4, "o:4", "BBC", "kremlin"),
            new ClaimOrigin(5, "o:5", "BBC", "white house"),
        ], [(1, 2), (2, 4)]);

        Assert.Equal(3, groups.IndependentOrigins(1));
        Assert.Equal([1L, 2L, 3L, 4L], groups.GroupOf(3)!.ClaimIds);
        Assert.Equal(1, groups.IndependentOrigins(5));
        Assert.Equal(2, groups.Groups.Count);
    }

    [Fact]
    public void The_same_outlet_repeating_a_speaker_counts_once()
    {
        var groups = CorroborationGroups.Build(
        [
            new ClaimOrigin(1, "o:1", "Daily Planet", "ukraine ministry of defense"),
            new ClaimOrigin(2, "o:2", "Daily Planet", "ukraine ministry of defense"),
            new ClaimOrigin(3, "o:3", "Daily Bugle", "ukraine ministry of defense"),
        ], [(1, 2), (2, 3)]);

        Assert.Equal(["o:1", "o:2", "o:3"], groups.GroupOf(1)!.Origins);
        Assert.Equal(2, groups.IndependentOrigins(1));
    }

    [Fact]
    public void Claims_named_only_in_pairs_are_their_own_origin()
    {
        var groups = CorroborationGroups.Build([], [(7, 8)]);
        Assert.Equal(2, groups.IndependentOrigins(7));
        Assert.Equal(1, groups.IndependentOrigins(99));
        Assert.Null(groups.GroupOf(99));
    }

    [Theory]
    [InlineData(0.9f, Polarity.Asserted, Polarity.Asserted, true)]
    [InlineData(0.9f, Polarity.Asserted, Polarity.Denied, false)]
    [InlineData(0.5f, Polarity.Asserted, Polarity.Asserted, false)]
    public void Restatement_needs_high_similarity_and_the_same_polarity(float similarity, Polarity a, Polarity b, bool expected) =>
        Assert.Equal(expected, CorroborationGroups.IsRestatement(similarity, a, b));

    [Fact]
    public void Seed_background_copies_are_one_independent_origin()
    {
        var items = SeedCorpus.Claims.Select(c => new OriginItem(c.Id, c.Article.Id, c.Article.Outlet, c.Claim.Text)).ToList();
        var origins = new OriginClusterer().Assign(items);
        var groups = CorroborationGroups.Build(
            SeedCorpus.Claims.Select(c => new ClaimOrigin(c.Id, origins[c.Id], c.Article.Outlet, c.Claim.Speaker?.Key)), []);

        var copies = SeedCorpus.Claims.Where(c => c.Claim.Text.StartsWith("Washington is negotiating with Russia", StringComparison.Ordinal)).Select(c => c.Id).ToList();
        Assert.Equal(3, copies.Count);
        var group = groups.GroupOf(copies[0])!;
        Assert.Equal(copies.Order(), group.ClaimIds);
        Assert.Equal(1, group.IndependentOrigins);
    }
}
