using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class TruthDiscoveryTests
{
    private static readonly BetaDistribution Reliable = SourcePriors.PriorFor(SourcePriorLabel.Reliable);

    private static ChainLink Link(string outlet) => new(SourceRef.Outlet(outlet));

    [Fact]
    public void Source_always_contradicted_by_independent_reliable_sources_ends_low()
    {
        var builder = new EvidenceGraphBuilder();
        string[] reliable = ["reuters.com", "apnews.com", "bbc.co.uk"];
        foreach (var name in reliable) builder.SetPrior(SourceRef.Outlet(name), Reliable);
        for (var c = 0; c < 10; c++)
        {
            builder.AddMention($"c{c}", $"liar-{c}", AssertionStance.Supports, Link("liar.example"));
            foreach (var name in reliable) builder.AddMention($"c{c}", $"{name}-{c}", AssertionStance.Refutes, Link(name));
        }

        var result = TruthDiscovery.Run(builder.Build());

        var liar = result.Find(SourceRef.Outlet("liar.example"))!;
        Assert.True(liar.Estimate < 0.25, $"liar estimate {liar.Estimate}");
        Assert.True(liar.Upper < 0.45, $"liar upper {liar.Upper}");
        Assert.Equal(10, liar.Evidence.Contradicted);
        Assert.Equal(0, liar.Evidence.Corroborated);
        foreach (var name in reliable) Assert.True(result.Find(SourceRef.Outlet(name))!.Estimate > 0.8);
        Assert.All(result.Claims, c => Assert.True(c.ProbabilityTrue < 0.1));
        Assert.Same(liar, result.Sources[^1]);
    }

    [Fact]
    public void Ten_copies_of_one_article_count_as_one_voice()
    {
        static EvidenceGraphBuilder WithDissent()
        {
            var b = new EvidenceGraphBuilder();
            b.AddMention("c", "dissent-1", AssertionStance.Refutes, Link("first-dissent.example"));
            b.AddMention("c", "dissent-2", AssertionStance.Refutes, Link("second-dissent.example"));
            return b;
        }

        var copies = WithDissent();
        for (var i = 0; i < 10; i++) copies.AddMention("c", "wire-story", AssertionStance.Supports, Link($"copier{i}.example"));
        var single = WithDissent().AddMention("c", "wire-story", AssertionStance.Supports, Link("copier0.example"));
        var uncollapsed = WithDissent();
        for (var i = 0; i < 10; i++) uncollapsed.AddMention("c", $"story-{i}", AssertionStance.Supports, Link($"copier{i}.example"));

        var withCopies = TruthDiscovery.Run(copies.Build()).FindClaim("c")!;
        var withOne = TruthDiscovery.Run(single.Build()).FindClaim("c")!;
        var withTen = TruthDiscovery.Run(uncollapsed.Build()).FindClaim("c")!;

        Assert.Equal(withOne.ProbabilityTrue, withCopies.ProbabilityTrue, 9);
        Assert.True(withCopies.ProbabilityTrue < 0.5);
        Assert.Equal(1, withCopies.SupportingVoices, 9);
        Assert.Equal(2, withCopies.RefutingVoices, 9);
        Assert.True(withTen.ProbabilityTrue > 0.5, "ten independent origins do outvote two");
    }

    [Fact]
    public void Source_with_little_evidence_stays_near_prior_with_wide_interval()
    {
        var builder = new EvidenceGraphBuilder();
        builder.AddMention("lonely", "n1", AssertionStance.Supports, Link("newcomer.example"));
        for (var c = 0; c < 40; c++)
        {
            builder.AddMention($"c{c}", $"v{c}", AssertionStance.Supports, Link("veteran.example"));
            builder.AddMention($"c{c}", $"w{c}", AssertionStance.Supports, Link("witness.example"));
            builder.AddClaim($"c{c}", verdict: true);
        }

        var result = TruthDiscovery.Run(builder.Build());

        var newcomer = result.Find(SourceRef.Outlet("newcomer.example"))!;
        var veteran = result.Find(SourceRef.Outlet("veteran.example"))!;
        Assert.True(Math.Abs(newcomer.Estimate - newcomer.Prior.Mean) < 0.08, $"newcomer {newcomer.Estimate}");
        Assert.True(newcomer.IntervalWidth > 0.5, $"newcomer width {newcomer.IntervalWidth}");
        Assert.True(veteran.IntervalWidth < 0.1, $"veteran width {veteran.IntervalWidth}");
        Assert.True(veteran.Estimate > 0.95);
        Assert.Contains(newcomer.Explanation, line => line.StartsWith("Little evidence", StringComparison.Ordinal));
        Assert.Equal(40, veteran.Evidence.ConfirmedByReviewers);
    }

    [Fact]
    public void Reviewer_verdicts_override_the_majority()
    {
        var builder = new EvidenceGraphBuilder();
        builder.AddClaim("c", verdict: false);
        for (var i = 0; i < 5; i++) builder.AddMention("c", $"o{i}", AssertionStance.Supports, Link($"crowd{i}.example"));
        builder.AddMention("c", "lone", AssertionStance.Refutes, Link("lone.example"));

        var result = TruthDiscovery.Run(builder.Build());

        Assert.Equal(0, result.FindClaim("c")!.ProbabilityTrue);
        var lone = result.Find(SourceRef.Outlet("lone.example"))!;
        var crowd = result.Find(SourceRef.Outlet("crowd0.example"))!;
        Assert.True(lone.Estimate > lone.Prior.Mean);
        Assert.True(crowd.Estimate < crowd.Prior.Mean);
        Assert.Equal(1, crowd.Evidence.RejectedByReviewers);
        Assert.Equal(1, lone.Evidence.ConfirmedByReviewers);
    }

    [Fact]
    public void A_denial_by_the_quoted_party_counts_against_the_report_and_clears_the_party()
    {
        var kremlin = SourceRef.Speaker("Kremlin spokesman");
        var builder = new EvidenceGraphBuilder()
            .AddMention("deal", "tabloid-story", AssertionStance.Supports, Link("tabloid.example"), new ChainLink(kremlin))
            .AddMention("deal", "denial-story", AssertionStance.Refutes, Link("wire.example"), new ChainLink(kremlin));

        var result = TruthDiscovery.Run(builder.Build());

        Assert.True(result.FindClaim("deal")!.ProbabilityTrue < 0.5);
        var tabloid = result.Find(SourceRef.Outlet("tabloid.example"))!;
        Assert.Equal(1, tabloid.Evidence.Denials);
        Assert.Contains(tabloid.Explanation, line => line.Contains("denied by the party quoted", StringComparison.Ordinal));
        var speaker = result.Find(kremlin)!;
        Assert.Equal(0, speaker.Evidence.Supported);
        Assert.Equal(1, speaker.Evidence.Refuted);
        Assert.True(speaker.Estimate > speaker.Prior.Mean);
    }

    [Fact]
    public void Anonymous_attribution_weighs_less_than_a_named_source()
    {
        var anonymous = SourceRef.AnonymousSpeaker("unnamed official", "a.example");
        var builder = new EvidenceGraphBuilder()
            .AddMention("c", "a1", AssertionStance.Supports, Link("a.example"), new ChainLink(anonymous, Anonymous: true))
            .AddMention("c", "b1", AssertionStance.Refutes, Link("b.example"), new ChainLink(SourceRef.Speaker("Named Minister")));

        var result = TruthDiscovery.Run(builder.Build());

        Assert.True(result.FindClaim("c")!.ProbabilityTrue < 0.5);
        Assert.Equal(1, result.Find(anonymous)!.Evidence.AnonymousShare);
        Assert.Equal(1, result.Find(SourceRef.Outlet("a.example"))!.Evidence.AnonymousShare);
        Assert.Equal(0, result.Find(SourceRef.Outlet("b.example"))!.Evidence.AnonymousShare);
    }

    [Fact]
    public void A_relay_loses_less_than_the_speaker_for_a_false_claim()
    {
        var builder = new EvidenceGraphBuilder();
        for (var c = 0; c < 5; c++)
        {
            builder.AddClaim($"c{c}", verdict: false);
            builder.AddMention($"c{c}", $"o{c}", AssertionStance.Supports, Link("relay.example"), new ChainLink(SourceRef.Speaker("Boastful General")));
        }

        var result = TruthDiscovery.Run(builder.Build());

        var relay = result.Find(SourceRef.Outlet("relay.example"))!;
        var speaker = result.Find(SourceRef.Speaker("Boastful General"))!;
        Assert.True(speaker.Estimate < relay.Estimate);
        Assert.True(relay.Estimate < relay.Prior.Mean);
    }

    [Fact]
    public void Sources_that_only_report_stay_at_their_prior()
    {
        var builder = new EvidenceGraphBuilder().AddMention("c", "o", AssertionStance.Reports, Link("observer.example"));
        var observer = TruthDiscovery.Run(builder.Build()).Find(SourceRef.Outlet("observer.example"))!;
        Assert.Equal(observer.Prior, observer.Posterior);
        Assert.Equal(1, observer.Evidence.Reported);
    }

    [Fact]
    public void Results_are_deterministic()
    {
        static EvidenceGraph RandomGraph()
        {
            var random = new Random(7);
            var builder = new EvidenceGraphBuilder();
            for (var c = 0; c < 300; c++)
            {
                if (c % 10 == 0) builder.AddClaim($"c{c}", random.Next(2) == 0);
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    var stance = random.Next(3) == 0 ? AssertionStance.Refutes : AssertionStance.Supports;
                    builder.AddMention($"c{c}", $"o{random.Next(400)}", stance, Link($"s{random.Next(40)}.example"));
                }
            }

            return builder.Build();
        }

        var first = TruthDiscovery.Run(RandomGraph());
        var second = TruthDiscovery.Run(RandomGraph());

        Assert.Equal(first.Sources.Select(s => (s.Source.Key, s.Estimate, s.Lower, s.Upper)), second.Sources.Select(s => (s.Source.Key, s.Estimate, s.Lower, s.Upper)));
        Assert.Equal(first.Claims.Select(c => c.ProbabilityTrue), second.Claims.Select(c => c.ProbabilityTrue));
        Assert.True(first.Converged, $"{first.Iterations} iterations");
    }

    [Fact]
    public void Intervals_contain_the_estimate()
    {
        var builder = new EvidenceGraphBuilder()
            .AddMention("c", "o1", AssertionStance.Supports, Link("x.example"))
            .AddMention("c", "o2", AssertionStance.Refutes, Link("y.example"));
        foreach (var source in TruthDiscovery.Run(builder.Build()).Sources)
            Assert.InRange(source.Estimate, source.Lower, source.Upper);
    }
}
