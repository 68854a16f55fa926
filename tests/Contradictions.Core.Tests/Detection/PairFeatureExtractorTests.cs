using Contradictions.Core.Detection;
using Contradictions.Core.Stance;

namespace Contradictions.Core.Tests.Detection;

public class PairFeatureExtractorTests
{
    private static readonly StanceProbabilities Forward = new(0.5f, 0.3f, 0.15f, 0.05f);
    private static readonly StanceProbabilities Backward = new(0.1f, 0.6f, 0.2f, 0.1f);

    private static float[] Features(int i, int j, StanceProbabilities ab, StanceProbabilities ba)
    {
        var (a, b) = (Context(i), Context(j));
        var f = new float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Compute(a, PreparedClaimText.From(a.Claim), b, PreparedClaimText.From(b.Claim), ab, ba, f);
        return f;
    }

    // Each seed its own outlet and day, the first two from one outlet, so that outlet and date features vary.
    private static ClaimContext Context(int i)
    {
        var (id, article, claim) = SeedCorpus.Claims[i];
        long seed = id / 1000;
        return new ClaimContext(id, article.Id, seed < 2 ? "Outlet" : $"Outlet {seed}", new DateOnly(2025, 4, 20).AddDays((int)seed * 3), claim);
    }

    [Fact]
    public void Swapped_features_are_exactly_the_features_of_the_reversed_pair()
    {
        // Every pair of seed claims sharing a content word: denials, numbers, antonyms, speakers and dates included.
        int checkedPairs = 0;
        var claims = SeedCorpus.Claims;
        for (int i = 0; i < claims.Count; i++)
        {
            for (int j = i + 1; j < claims.Count; j++)
            {
                if (i % 3 != 0 && j % 3 != 0) continue;
                var forward = Features(i, j, Forward, Backward);
                var reversed = Features(j, i, Backward, Forward);
                var swapped = new float[PairFeatureExtractor.Count];
                PairFeatureExtractor.Swap(forward, swapped);
                for (int k = 0; k < swapped.Length; k++)
                {
                    Assert.True(swapped[k] == reversed[k], $"{PairFeatureExtractor.Names[k]}: {swapped[k]} vs {reversed[k]} for claims {claims[i].Id} and {claims[j].Id}");
                }
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 1000, $"{checkedPairs} pairs");
    }

    [Fact]
    public void Swap_trades_the_stance_directions_and_negates_the_days_apart()
    {
        int other = SeedCorpus.Claims.ToList().FindIndex(c => c.Id / 1000 == 1);
        var f = Features(0, other, Forward, Backward);
        var swapped = new float[f.Length];

        PairFeatureExtractor.Swap(f, swapped);

        Assert.Equal(f[PairFeatureExtractor.Index("ab_disagree")], swapped[PairFeatureExtractor.Index("ba_disagree")]);
        Assert.Equal(f[PairFeatureExtractor.Index("ba_agree")], swapped[PairFeatureExtractor.Index("ab_agree")]);
        Assert.Equal(3, f[PairFeatureExtractor.Index("days_apart")]);
        Assert.Equal(-3, swapped[PairFeatureExtractor.Index("days_apart")]);
    }

    private static float[] FeaturesOf(string a, string b)
    {
        var ca = new ClaimContext(1, "a", null, null, Contradictions.Core.Claims.ClaimExtractor.Extract(Contradictions.Core.Articles.ArticleFactory.Create("a", a)).Single());
        var cb = new ClaimContext(2, "b", null, null, Contradictions.Core.Claims.ClaimExtractor.Extract(Contradictions.Core.Articles.ArticleFactory.Create("b", b)).Single());
        var f = new float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Compute(ca, PreparedClaimText.From(ca.Claim), cb, PreparedClaimText.From(cb.Claim), Forward, Backward, f);
        return f;
    }

    [Fact]
    public void Opposite_words_on_the_two_sides_fire_the_antonym_feature_and_shared_ones_do_not()
    {
        int antonyms = PairFeatureExtractor.Index("antonyms");

        Assert.Equal(1, FeaturesOf("The parliament will support the ceasefire plan.", "The parliament will oppose the ceasefire plan.")[antonyms]);
        Assert.Equal(2, FeaturesOf("Prices will rise and the team will win.", "Prices will fall and the team will lose.")[antonyms]);
        Assert.Equal(0, FeaturesOf("Some support the plan, others oppose it.", "Many oppose the plan and few support it.")[antonyms]);
        Assert.Equal(0, FeaturesOf("The parliament will support the ceasefire plan.", "The parliament will debate the ceasefire plan.")[antonyms]);
    }
}
