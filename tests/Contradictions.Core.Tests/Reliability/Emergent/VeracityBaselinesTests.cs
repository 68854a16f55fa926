using Contradictions.Core.Reliability.Veracity;

namespace Contradictions.Core.Tests.Reliability.Emergent;

public class VeracityBaselinesTests
{
    internal static EmergentArticle Article(string claim, HeadlineStance stance, string source, Veracity? truth = null, string? id = null) =>
        new(claim, "claim " + claim, truth, id ?? Guid.NewGuid().ToString("N"), "headline", stance, "http://" + source + "/a", source);

    [Fact]
    public void Majority_vote_follows_the_most_common_stance_and_ties_are_unknown()
    {
        EmergentArticle[] observing = [Article("c", HeadlineStance.Observing, "a"), Article("c", HeadlineStance.Observing, "b"), Article("c", HeadlineStance.For, "c")];
        Assert.Equal(Veracity.Unknown, VeracityBaselines.MajorityVote("c", observing).Predicted);
        EmergentArticle[] tie = [Article("c", HeadlineStance.For, "a"), Article("c", HeadlineStance.Against, "b")];
        Assert.Equal(Veracity.Unknown, VeracityBaselines.MajorityVote("c", tie).Predicted);
        EmergentArticle[] against = [Article("c", HeadlineStance.Against, "a"), Article("c", HeadlineStance.Against, "b"), Article("c", HeadlineStance.For, "c")];
        Assert.Equal(Veracity.False, VeracityBaselines.MajorityVote("c", against).Predicted);
    }

    [Fact]
    public void For_minus_against_ignores_observing_headlines()
    {
        EmergentArticle[] articles = [Article("c", HeadlineStance.Observing, "a"), Article("c", HeadlineStance.Observing, "b"), Article("c", HeadlineStance.For, "c")];
        var prediction = VeracityBaselines.ForMinusAgainst("c", articles);
        Assert.Equal(Veracity.True, prediction.Predicted);
        Assert.Equal(1, prediction.Confidence);
    }
}
