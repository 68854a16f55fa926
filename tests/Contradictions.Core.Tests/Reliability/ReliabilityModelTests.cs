using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class ReliabilityModelTests
{
    private static EvidenceGraph Graph(bool withVerdicts)
    {
        var builder = new EvidenceGraphBuilder();
        for (var c = 0; c < 30; c++)
        {
            if (withVerdicts && c < 10) builder.AddClaim($"c{c}", verdict: c % 2 == 0);
            builder.AddMention($"c{c}", $"a{c}", AssertionStance.Supports, new ChainLink(SourceRef.Outlet($"s{c % 4}.example")));
            builder.AddMention($"c{c}", $"b{c}", c % 3 == 0 ? AssertionStance.Refutes : AssertionStance.Supports, new ChainLink(SourceRef.Outlet($"s{(c + 1) % 5}.example")));
        }

        return builder.Build();
    }

    [Fact]
    public void Applying_a_batch_of_verdicts_matches_a_run_from_scratch_with_them()
    {
        var model = new ReliabilityModel(Graph(withVerdicts: false));
        model.Compute();
        var batch = Enumerable.Range(0, 10).Select(c => new KeyValuePair<string, bool?>($"c{c}", c % 2 == 0));

        var updated = model.ApplyVerdicts(batch);
        var scratch = TruthDiscovery.Run(Graph(withVerdicts: true));

        foreach (var source in scratch.Sources)
            Assert.Equal(source.Estimate, updated.Find(source.Source)!.Estimate, 3);
        Assert.Equal(scratch.Sources.Sum(s => s.Evidence.ConfirmedByReviewers), updated.Sources.Sum(s => s.Evidence.ConfirmedByReviewers));
        Assert.True(updated.FindClaim("c0")!.Verdict);
    }

    [Fact]
    public void Unknown_claims_in_a_batch_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new ReliabilityModel(Graph(false)).ApplyVerdicts([new("nope", true)]));
}
