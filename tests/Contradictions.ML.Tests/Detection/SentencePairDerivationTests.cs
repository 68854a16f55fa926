using Contradictions.Core.Claims;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;

namespace Contradictions.ML.Tests.Detection;

public class SentencePairDerivationTests
{
    private const string Headline = "Pop star Avril Lavigne has died";

    private static readonly LabeledPair[] Story =
    [
        new(Headline, "agree-1", "Pop star Avril Lavigne has died, according to posts on fan forums. Her label has not commented. Fans gathered outside her home.", Stance.Agree),
        new(Headline, "agree-2", "Fans mourned on Monday after reports that pop star Avril Lavigne has died. The singer was 30.", Stance.Agree),
        new(Headline, "disagree-1", "Rumours spread online that Avril Lavigne had died. Her representatives denied that the pop star Avril Lavigne has died, calling the story a hoax. She is recording a new album.", Stance.Disagree),
        new(Headline, "unrelated-1", "The city council approved a new budget for road repairs on Tuesday.", Stance.Unrelated),
    ];

    [Fact]
    public void A_refutation_against_the_headline_or_a_restatement_is_a_contradiction()
    {
        var pairs = SentencePairDerivation.Derive(Story, seed: 1).Where(p => !p.Synthetic).ToList();

        var contradictions = pairs.Where(p => p.Contradiction).ToList();
        Assert.Contains(contradictions, p => p.A.Claim.Text == Headline && p.B.Claim.Polarity == Polarity.Denied);
        Assert.Contains(contradictions, p => p.A.Claim.Text != Headline && p.B.Claim.Text.Contains("denied", StringComparison.Ordinal));
        Assert.All(contradictions, p => Assert.True(p.B.Claim.Text.Contains("denied", StringComparison.Ordinal) || p.B.Claim.Text.Contains("hoax", StringComparison.Ordinal)));
    }

    [Fact]
    public void Restatements_from_two_agreeing_bodies_are_consistent_and_unrelated_bodies_give_nothing()
    {
        var pairs = SentencePairDerivation.Derive(Story, seed: 1);

        Assert.Contains(pairs, p => !p.Contradiction && p.A.ArticleKey.StartsWith("agree-", StringComparison.Ordinal) && p.B.ArticleKey.StartsWith("agree-", StringComparison.Ordinal));
        Assert.DoesNotContain(pairs, p => p.A.ArticleKey.StartsWith("unrelated", StringComparison.Ordinal) || p.B.ArticleKey.StartsWith("unrelated", StringComparison.Ordinal));
        Assert.All(pairs, p => Assert.StartsWith("story:", p.PassageId, StringComparison.Ordinal));
    }
}
