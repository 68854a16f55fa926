using Contradictions.Core.Reliability;
using Contradictions.Storage.Reliability;

namespace Contradictions.Storage.Tests.Reliability;

public class StoreEvidenceTests
{
    private static ClaimStore SeedStore(TempDir dir) => StoreBuilder.Seeds(dir);

    [Fact]
    public void Three_copies_of_the_background_paragraph_are_one_proposition_and_one_voice()
    {
        using var dir = new TempDir();
        using var store = SeedStore(dir);

        var evidence = StoreEvidence.Build(store);

        var copies = evidence.Claims.Where(c => c.Text.StartsWith("Washington is negotiating", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, copies.Count);
        Assert.Single(copies.Select(c => c.NodeId).Distinct());
        var node = copies[0].NodeId;
        var assertions = evidence.Graph.Assertions.Where(a => a.ClaimId == node).ToList();
        Assert.Single(assertions.Select(a => a.OriginId).Distinct());
        Assert.True(assertions.Select(a => a.Source).Distinct().Count() >= 2, "each copy's outlet is credited");
        Assert.All(assertions, a => Assert.Equal(AssertionStance.Supports, a.Stance));

        var truth = TruthDiscovery.Run(evidence.Graph).FindClaim(node)!;
        Assert.InRange(truth.SupportingVoices, 0.01, 1.0 + 1e-9);
        Assert.Equal(0, truth.RefutingVoices);
    }

    [Fact]
    public void Chains_start_with_the_outlet_and_anonymous_links_are_kept_per_outlet()
    {
        using var dir = new TempDir();
        using var store = SeedStore(dir);

        var evidence = StoreEvidence.Build(store);

        var umerov = evidence.Claims.First(c => string.Join(" → ", c.Chain) == "New York Post → senior Trump administration official → Rustem Umerov");
        Assert.Equal(SourceRef.Outlet("New York Post"), umerov.Sources[0]);
        Assert.Equal(SourceRef.AnonymousSpeaker("senior Trump administration official", "New York Post"), umerov.Sources[1]);
        Assert.Equal(SourceRef.Speaker("Rustem Umerov"), umerov.Sources[2]);
        Assert.Contains(evidence.Graph.Assertions, a => a.ClaimId == umerov.NodeId && a.Anonymous && a.Role == SourceRole.Intermediary);
        Assert.All(evidence.Claims.Where(c => c.HasOutlet), c => Assert.Equal(SourceKind.Outlet, c.Sources[0].Kind));
        // Article 003 names no outlet: its speakers are credited as speakers, never as publishers.
        var rubio = evidence.Claims.First(c => !c.HasOutlet && c.Chain.SequenceEqual(["Marco Rubio"]));
        Assert.Contains(evidence.Graph.Assertions, a => a.ClaimId == rubio.NodeId && a.Source == SourceRef.Speaker("Marco Rubio") && a.Role == SourceRole.Speaker);
        Assert.DoesNotContain(evidence.Graph.Assertions, a => a.Source.Kind == SourceKind.Speaker && a.Role == SourceRole.Outlet);
    }

    [Fact]
    public void Outlet_priors_are_found_by_the_known_domain_of_the_name()
    {
        using var dir = new TempDir();
        using var store = SeedStore(dir);
        var priors = new SourcePriors([new("nypost.com", SourcePriorLabel.Unreliable), new("reuters.com", SourcePriorLabel.Reliable)]);

        var evidence = StoreEvidence.Build(store, priors);

        Assert.Equal(SourcePriors.PriorFor(SourcePriorLabel.Unreliable), evidence.Graph.Priors[SourceRef.Outlet("New York Post")]);
        Assert.Equal(SourcePriors.PriorFor(SourcePriorLabel.Reliable), evidence.Graph.Priors[SourceRef.Outlet("Reuters")]);
        Assert.False(evidence.Graph.Priors.ContainsKey(SourceRef.Speaker("Rustem Umerov")));
        Assert.Equal(["nypost.com", "newyorkpost.com"], StoreEvidence.CandidateDomains("New York Post", null));
        Assert.Equal("example.org", StoreEvidence.CandidateDomains("Example", "https://example.org/a").First());
    }
}
