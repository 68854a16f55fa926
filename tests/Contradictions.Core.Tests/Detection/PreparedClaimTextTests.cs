using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Text;

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
    public void Shared_entities_are_the_distinct_entity_keys_both_claims_name_for_every_pair_of_seed_claims()
    {
        var claims = SeedCorpus.Claims.Select(c => c.Claim).ToList();
        var texts = claims.Select(PreparedClaimText.From).ToList();

        int pairsSharing = 0;
        for (int i = 0; i < claims.Count; i++)
        {
            var keys = claims[i].Entities.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            for (int j = 0; j < claims.Count; j++)
            {
                int expected = claims[j].Entities.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count(keys.Contains);
                Assert.Equal(expected, texts[i].SharedEntities(texts[j]));
                Assert.Equal(expected, texts[j].SharedEntities(texts[i]));
                if (expected > 1) pairsSharing++;
            }
        }
        Assert.True(pairsSharing > claims.Count, $"{pairsSharing} pairs share two or more entities");
    }

    [Fact]
    public void Content_coverage_is_the_share_of_the_claims_content_stems_the_other_claim_has()
    {
        var texts = SeedCorpus.Claims.Select(c => PreparedClaimText.From(c.Claim)).ToList();

        int covering = 0;
        foreach (var a in texts)
        {
            var content = a.Stems.Where(s => !Lexicons.Refuting.Contains(s) && !Lexicons.Hedging.Contains(s) && s is not ("deny" or "later")).ToList();
            foreach (var b in texts)
            {
                float expected = content.Count == 0 ? 0 : content.Count(b.Stems.Contains) / (float)content.Count;
                Assert.Equal(expected, a.ContentCoveredBy(b));
                if (expected > 0 && expected < 1) covering++;
            }
        }
        Assert.True(covering > texts.Count, $"{covering} pairs partly covered");
    }

    [Fact]
    public void The_denial_of_the_reported_figure_covers_much_of_the_report_and_little_of_an_unrelated_claim()
    {
        var denial = PreparedClaimText.From(Read("The Ministry of Defence denied that Kyiv had 90% agreed to the US peace plan."));
        var report = PreparedClaimText.From(Read("Umerov said Kyiv 90% supports the US peace plan, the Post reported."));
        var weather = PreparedClaimText.From(Read("Heavy rain is expected in the north on Friday, forecasters said."));

        Assert.True(denial.ContentCoveredBy(report) >= PairFeatureExtractor.DenialCoverage, $"{denial.ContentCoveredBy(report):0.00}");
        Assert.Equal(0, denial.ContentCoveredBy(weather));
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
