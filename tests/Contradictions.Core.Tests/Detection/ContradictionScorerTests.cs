using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;

namespace Contradictions.Core.Tests.Detection;

/// <summary>The interface's own default for scorers that explain every pair they score.</summary>
public class ContradictionScorerTests
{
    // A scorer that implements only Score(a, b), with cues always: what the interface's default has to filter.
    private sealed class ExplainsEverything(float confidence) : IContradictionScorer
    {
        public ScoredPair Score(ClaimContext a, ClaimContext b) =>
            new(confidence, FlagKind.Factual, ["a cue"], new StanceProbabilities(0.25f, 0.25f, 0.25f, 0.25f), new StanceProbabilities(0.25f, 0.25f, 0.25f, 0.25f), 0.5f);
    }

    private static ClaimContext Context(long id, string text) =>
        new(id, "test", null, null, ClaimExtractor.Extract(ArticleFactory.Create("test", text)).Single());

    [Fact]
    public void Cues_are_dropped_below_the_explanation_floor_and_kept_from_it()
    {
        IContradictionScorer scorer = new ExplainsEverything(0.3f);
        var a = Context(1, "The port reopened in March, officials said.");
        var b = Context(2, "The port stayed closed through March, officials said.");

        Assert.Empty(scorer.Score(a, b, explainFrom: 0.31f).Cues);
        Assert.Equal(["a cue"], scorer.Score(a, b, explainFrom: 0.3f).Cues);
        Assert.Equal(0.3f, scorer.Score(a, b, explainFrom: 0.9f).Confidence);
    }
}
