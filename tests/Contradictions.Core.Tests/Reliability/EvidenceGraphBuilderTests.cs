using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class EvidenceGraphBuilderTests
{
    [Fact]
    public void A_mention_credits_outlet_intermediaries_and_speaker_by_role()
    {
        var graph = new EvidenceGraphBuilder()
            .AddMention("c", "o", AssertionStance.Supports,
                new ChainLink(SourceRef.Outlet("paper.example")),
                new ChainLink(SourceRef.Outlet("agency.example")),
                new ChainLink(SourceRef.AnonymousSpeaker("unnamed official", "agency.example"), Anonymous: true))
            .Build();

        Assert.Equal([SourceRole.Outlet, SourceRole.Intermediary, SourceRole.Speaker], graph.Assertions.Select(a => a.Role));
        Assert.All(graph.Assertions, a => Assert.Equal("o", a.OriginId));
        Assert.True(graph.Assertions[2].Anonymous);
        Assert.Single(graph.Claims);
    }

    [Fact]
    public void A_verdict_added_later_is_kept()
    {
        var graph = new EvidenceGraphBuilder()
            .AddClaim("c", verdict: true)
            .AddMention("c", "o", AssertionStance.Supports, new ChainLink(SourceRef.Outlet("x.example")))
            .Build();
        Assert.True(graph.Claims.Single().Verdict);
    }

    [Fact]
    public void Assertions_about_unknown_claims_are_rejected()
    {
        var assertion = new SourceAssertion(SourceRef.Outlet("x.example"), "missing", SourceRole.Outlet, AssertionStance.Supports, "o");
        Assert.Throws<ArgumentException>(() => new EvidenceGraph([], [assertion]));
    }
}
