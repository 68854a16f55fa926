using Contradictions.Core.Reliability;
using Contradictions.Storage.Reliability;

namespace Contradictions.Storage.Tests.Reliability;

/// <summary>
/// Corroboration in the store feeds reliability: claims of different copy origins recorded as restating each other are
/// one proposition with one voice per origin, while copies of one paragraph stay one voice however many outlets run it.
/// </summary>
public class CorroborationEvidenceTests
{
    private const string Wire = "The regional water authority closed the Kura dam on Monday after engineers found cracks in its spillway.";
    private const string Restated = "Engineers found cracks in the spillway of the Kura dam, and the regional water authority shut it on Monday.";
    private const string Filler = "Residents downstream were told to expect lower water levels for several weeks.";

    private static SourceRef Outlet(string name) => SourceRef.Outlet(name);

    [Fact]
    public void Two_independent_outlets_restating_a_claim_both_gain_against_each_stating_it_alone()
    {
        using var dir = new TempDir();
        (string, string, string)[] articles = [("planet.txt", "Daily Planet", Wire + "\n\n" + Filler), ("star.txt", "Evening Star", Restated)];
        using var apart = StoreBuilder.Articles(dir, "apart.db", articles);
        using var together = StoreBuilder.Articles(dir, "together.db", articles);
        var wire = StoreBuilder.Claim(together, "closed the Kura dam");
        var restated = StoreBuilder.Claim(together, "shut it on Monday");
        StoreBuilder.Restatement(together, wire.ClaimId, restated.ClaimId);

        var evidence = StoreEvidence.Build(together);
        var a = evidence.Claims.Single(c => c.ClaimId == wire.ClaimId);
        var b = evidence.Claims.Single(c => c.ClaimId == restated.ClaimId);
        Assert.NotEqual(a.OriginId, b.OriginId);
        Assert.Equal(a.NodeId, b.NodeId);
        Assert.Equal(2, a.IndependentOrigins);
        Assert.NotEqual(StoreEvidence.Build(apart).Claims.Single(c => c.ClaimId == wire.ClaimId).NodeId,
            StoreEvidence.Build(apart).Claims.Single(c => c.ClaimId == restated.ClaimId).NodeId);

        var alone = StoreBuilder.Scores(apart);
        var corroborated = StoreBuilder.Scores(together);
        foreach (var outlet in new[] { Outlet("Daily Planet"), Outlet("Evening Star") })
        {
            Assert.True(corroborated[outlet].Estimate > alone[outlet].Estimate, $"{outlet}: {alone[outlet].Estimate:0.000} → {corroborated[outlet].Estimate:0.000}");
            Assert.Equal(1, corroborated[outlet].Evidence.Corroborated);
            Assert.Equal(0, alone[outlet].Evidence.Corroborated);
        }
        var truth = TruthDiscovery.Run(evidence.Graph).FindClaim(a.NodeId)!;
        Assert.Equal(2, truth.SupportingVoices, 9);
    }

    [Fact]
    public void Ten_copies_of_one_article_count_as_one_voice_and_an_independent_restatement_as_a_second()
    {
        using var dir = new TempDir();
        // Ten outlets run the wire paragraph word for word (each with its own closing line, or the store would keep one article).
        var copies = Enumerable.Range(0, 10).Select(i => ($"copy{i}.txt", $"Copier {i}", $"{Wire}\n\nCopier {i} will update this story as it develops.")).ToArray();
        using var ten = StoreBuilder.Articles(dir, "ten.db", [.. copies, ("star.txt", "Evening Star", Restated)]);
        using var one = StoreBuilder.Articles(dir, "one.db", [copies[0], ("star.txt", "Evening Star", Restated)]);
        foreach (var store in new[] { ten, one })
        {
            var first = store.AllClaims().Where(c => c.Claim.Text.Contains("closed the Kura dam", StringComparison.Ordinal)).Min(c => c.ClaimId);
            StoreBuilder.Restatement(store, first, StoreBuilder.Claim(store, "shut it on Monday").ClaimId);
        }

        var evidence = StoreEvidence.Build(ten);
        var wire = evidence.Claims.Where(c => c.Text == Wire).ToList();
        Assert.Equal(10, wire.Count);
        Assert.Single(wire.Select(c => c.OriginId).Distinct());
        var node = wire[0].NodeId;
        Assert.Equal(2, wire[0].IndependentOrigins);
        var result = TruthDiscovery.Run(evidence.Graph);
        Assert.Equal(2, result.FindClaim(node)!.SupportingVoices, 9);

        var withOne = StoreReliability.Compute(one).Result;
        var oneNode = StoreEvidence.Build(one).Claims.Single(c => c.Text == Wire).NodeId;
        Assert.Equal(withOne.FindClaim(oneNode)!.ProbabilityTrue, result.FindClaim(node)!.ProbabilityTrue, 9);
        Assert.Equal(withOne.Find(Outlet("Evening Star"))!.Estimate, result.Find(Outlet("Evening Star"))!.Estimate, 9);
    }
}
