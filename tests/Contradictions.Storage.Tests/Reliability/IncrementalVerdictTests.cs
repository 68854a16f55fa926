using Contradictions.Core.Detection;
using Contradictions.Storage.Reliability;

namespace Contradictions.Storage.Tests.Reliability;

/// <summary>
/// <see cref="StoreReliability.WithVerdicts"/>: verdicts that keep every flag's place in the graph are applied to the
/// current solution and agree with computing from scratch; verdicts that move a flag in or out ask for a full computation.
/// </summary>
public class IncrementalVerdictTests
{
    // EM stops when no claim moves more than 1e-4, so a warm start and a cold start agree to about that.
    private const double Tolerance = 2e-3;

    private static void AssertSame(StoreReliability advanced, StoreReliability fresh)
    {
        Assert.Equal(fresh.Result.Sources.Count, advanced.Result.Sources.Count);
        foreach (var s in fresh.Result.Sources)
        {
            var a = advanced.Result.Find(s.Source)!;
            Assert.True(Math.Abs(a.Estimate - s.Estimate) < Tolerance, $"{s.Source}: {a.Estimate} vs {s.Estimate}");
            Assert.True(Math.Abs(a.Lower - s.Lower) < Tolerance && Math.Abs(a.Upper - s.Upper) < Tolerance, $"{s.Source} interval");
            Assert.Equal(s.Evidence.ConfirmedByReviewers, a.Evidence.ConfirmedByReviewers);
            Assert.Equal(s.Evidence.RejectedByReviewers, a.Evidence.RejectedByReviewers);
        }
        Assert.Equal(fresh.Evidence.Flags.Select(f => (f.FlagId, f.Counted, f.Verdict, f.Review?.Verdict)), advanced.Evidence.Flags.Select(f => (f.FlagId, f.Counted, f.Verdict, f.Review?.Verdict)));
    }

    [Fact]
    public void Side_verdicts_on_a_counted_flag_are_applied_without_rebuilding_and_agree_with_a_fresh_computation()
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var report = StoreBuilder.Claim(store, "Rustem Umerov told US officials", "000");
        var denial = StoreBuilder.Claim(store, "later denied", "000");
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, 0.9f);
        var start = StoreReliability.Compute(store);

        store.AddVerdict(flag, VerdictKinds.BRight, "ann", null, 0);
        var afterB = start.WithVerdicts(store.LatestVerdicts());
        Assert.NotNull(afterB);
        AssertSame(afterB, StoreReliability.Compute(store));
        Assert.Throws<InvalidOperationException>(() => start.WithVerdicts(store.LatestVerdicts()));

        store.AddVerdict(flag, VerdictKinds.ARight, "bob", "the ministry walked its denial back", 1);
        var afterA = afterB.WithVerdicts(store.LatestVerdicts());
        Assert.NotNull(afterA);
        AssertSame(afterA, StoreReliability.Compute(store));
        var umerov = Contradictions.Core.Reliability.SourceRef.Speaker("Rustem Umerov");
        Assert.True(afterA.Result.Find(umerov)!.Estimate > afterB.Result.Find(umerov)!.Estimate);

        store.AddVerdict(flag, VerdictKinds.Unresolved, "carol", null, 2);
        var unresolved = afterA.WithVerdicts(store.LatestVerdicts());
        Assert.NotNull(unresolved);
        AssertSame(unresolved, StoreReliability.Compute(store));
    }

    [Theory]
    [InlineData(0.2f, VerdictKinds.BRight)] // brings a flag below the threshold into the graph
    [InlineData(0.9f, VerdictKinds.NotContradiction)] // drops a counted flag
    public void A_verdict_that_moves_a_flag_in_or_out_of_the_graph_asks_for_a_full_computation(float confidence, string verdict)
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var report = StoreBuilder.Claim(store, "Rustem Umerov told US officials", "000");
        var denial = StoreBuilder.Claim(store, "later denied", "000");
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, confidence);
        var start = StoreReliability.Compute(store);

        store.AddVerdict(flag, verdict, "ann", null, 0);

        Assert.Null(start.WithVerdicts(store.LatestVerdicts()));
        Assert.NotNull(start.WithVerdicts(new Dictionary<long, StoredVerdict>())); // nothing changed: still usable
    }
}
