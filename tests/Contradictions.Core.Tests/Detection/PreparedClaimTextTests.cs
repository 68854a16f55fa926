using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;

namespace Contradictions.Core.Tests.Detection;

public class PreparedClaimTextTests
{
    private static Claim Read(string sentence) => ClaimExtractor.Extract(ArticleFactory.Create("test", sentence)).Single();

    [Fact]
    public void Shared_stems_are_the_intersection_of_the_two_stem_sets_for_every_pair_of_seed_claims()
    {
        var texts = SeedCorpus.Claims.Select(c => PreparedClaimText.From(c.Claim)).ToList();

        int pairsSharing = 0;
        foreach (var a in texts)
        {
            Assert.Equal(a.Stems.Count, a.StemCount);
            foreach (var b in texts)
            {
                int expected = a.Stems.Count(b.Stems.Contains);
                Assert.Equal(expected, a.SharedStems(b));
                if (expected > 0) pairsSharing++;
            }
        }
        Assert.True(pairsSharing > texts.Count, $"{pairsSharing} pairs share a stem");
    }

    [Fact]
    public void The_ministry_speaking_is_found_in_a_claim_about_its_minister_and_not_in_one_about_something_else()
    {
        var ministry = PreparedClaimText.From(Read("The Ukrainian Ministry of Defense said the report was false."));
        var minister = PreparedClaimText.From(Read("The defense minister told officials that Kyiv supports the plan."));
        var weather = PreparedClaimText.From(Read("Heavy rain is expected in the north on Friday, forecasters said."));

        Assert.True(ministry.SpeakerWords >= 2, $"{ministry.SpeakerWords} speaker words");
        Assert.True(ministry.SpeakerWordsIn(minister) >= 2, $"{ministry.SpeakerWordsIn(minister)} found");
        Assert.Equal(0, ministry.SpeakerWordsIn(weather));
    }
}
