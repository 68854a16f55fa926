using Contradictions.Core.Detection;
using Contradictions.Core.Reliability;
using Contradictions.Storage.Reliability;

namespace Contradictions.Storage.Tests.Reliability;

/// <summary>
/// Reviewer verdicts stored in the store feed source reliability: on the seeds, a flag between seed 000's report
/// that Umerov told US officials Kyiv "90%" supports the plan and the Ministry of Defense's denial two paragraphs on.
/// The report has the lower claim id, so it is side A and the denial side B.
/// </summary>
public class VerdictEvidenceTests
{
    private static (StoredClaim Report, StoredClaim Denial) ReportAndDenial(ClaimStore store) => (
        StoreBuilder.Claim(store, "Rustem Umerov told US officials", "000"),
        StoreBuilder.Claim(store, "later denied", "000"));

    /// <summary>Sources credited on one side's chain and not on the other's (an outlet on both sides is neither).</summary>
    private static (List<SourceRef> OnlyA, List<SourceRef> OnlyB) Sides(ClaimStore store, StoredClaim a, StoredClaim b)
    {
        var evidence = StoreEvidence.Build(store);
        var sa = evidence.Claims.Single(c => c.ClaimId == a.ClaimId).Sources;
        var sb = evidence.Claims.Single(c => c.ClaimId == b.ClaimId).Sources;
        return (sa.Except(sb).ToList(), sb.Except(sa).ToList());
    }

    [Theory]
    [InlineData(VerdictKinds.BRight, 0.9f)] // counted before the verdict: the verdict fixes which side is true
    [InlineData(VerdictKinds.BRight, 0.2f)] // below the threshold before: the verdict also brings the flag in
    [InlineData(VerdictKinds.ARight, 0.9f)]
    public void A_side_verdict_raises_the_right_sides_sources_and_lowers_the_wrong_sides(string verdict, float confidence)
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var (report, denial) = ReportAndDenial(store);
        Assert.True(report.ClaimId < denial.ClaimId, "the report is side A");
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, confidence);
        var (onlyA, onlyB) = Sides(store, report, denial);
        Assert.Contains(SourceRef.Speaker("Rustem Umerov"), onlyA);
        Assert.Contains(SourceRef.Speaker("Ukrainian Ministry of Defense"), onlyB);
        var before = StoreBuilder.Scores(store);

        Assert.Equal(VerdictOutcome.Added, store.AddVerdict(flag, verdict, "ann", "called the ministry", 0).Outcome);
        var after = StoreBuilder.Scores(store);

        var (right, wrong) = verdict == VerdictKinds.ARight ? (onlyA, onlyB) : (onlyB, onlyA);
        Assert.All(right, s => Assert.True(after[s].Estimate > before[s].Estimate, $"{s}: {before[s].Estimate:0.000} → {after[s].Estimate:0.000}"));
        Assert.All(wrong, s => Assert.True(after[s].Estimate < before[s].Estimate, $"{s}: {before[s].Estimate:0.000} → {after[s].Estimate:0.000}"));
        Assert.All(right, s => Assert.Equal(1, after[s].Evidence.ConfirmedByReviewers));
        Assert.All(wrong, s => Assert.Equal(1, after[s].Evidence.RejectedByReviewers));
        var evidenceFlag = StoreEvidence.Build(store).Flags.Single(f => f.FlagId == flag);
        Assert.True(evidenceFlag.Counted);
        Assert.Equal(verdict, evidenceFlag.Review!.Verdict);
        Assert.Equal("ann", evidenceFlag.Review.Reviewer);
    }

    [Theory]
    [InlineData(VerdictKinds.NotContradiction)]
    [InlineData(VerdictKinds.DifferentSubjects)]
    public void A_dismissed_flag_is_dropped_even_above_the_confidence_threshold(string verdict)
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var (report, denial) = ReportAndDenial(store);
        var withoutFlag = StoreBuilder.Scores(store);
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, 0.95f);
        var counted = StoreBuilder.Scores(store);
        var umerov = SourceRef.Speaker("Rustem Umerov");
        Assert.NotEqual(withoutFlag[umerov].Estimate, counted[umerov].Estimate, 6);

        store.AddVerdict(flag, verdict, "bob", null, 0);
        var dismissed = StoreBuilder.Scores(store);

        Assert.Equal(withoutFlag.Keys.ToHashSet(), dismissed.Keys.ToHashSet());
        Assert.All(withoutFlag, kv =>
        {
            Assert.Equal(kv.Value.Estimate, dismissed[kv.Key].Estimate, 12);
            Assert.Equal(kv.Value.Lower, dismissed[kv.Key].Lower, 12);
            Assert.Equal(kv.Value.Upper, dismissed[kv.Key].Upper, 12);
        });
        var evidence = StoreEvidence.Build(store);
        Assert.False(evidence.Flags.Single(f => f.FlagId == flag).Counted);
        Assert.DoesNotContain(evidence.Graph.Claims, c => c.Id == StoreEvidence.FlagNodeId(flag));
    }

    [Fact]
    public void An_unresolved_verdict_counts_a_flag_below_the_threshold_without_fixing_a_truth()
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var (report, denial) = ReportAndDenial(store);
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, 0.2f);
        var before = StoreEvidence.Build(store);
        Assert.False(before.Flags.Single(f => f.FlagId == flag).Counted);
        var beforeScores = StoreBuilder.Scores(store);

        store.AddVerdict(flag, VerdictKinds.Unresolved, "carol", "needs a second source", 0);
        var after = StoreEvidence.Build(store);

        var evidenceFlag = after.Flags.Single(f => f.FlagId == flag);
        Assert.True(evidenceFlag.Counted);
        Assert.Null(evidenceFlag.Verdict);
        var node = after.Graph.Claims.Single(c => c.Id == evidenceFlag.NodeId);
        Assert.Null(node.Verdict);
        Assert.Contains(after.Graph.Assertions, a => a.ClaimId == node.Id && a.Stance == AssertionStance.Refutes
            && a.Source == SourceRef.Speaker("Ukrainian Ministry of Defense"));
        var afterScores = StoreBuilder.Scores(store);
        var ministry = SourceRef.Speaker("Ukrainian Ministry of Defense");
        Assert.NotEqual(beforeScores[ministry].Estimate, afterScores[ministry].Estimate, 6);
        Assert.Equal(0, afterScores[ministry].Evidence.ConfirmedByReviewers + afterScores[ministry].Evidence.RejectedByReviewers);
    }

    [Fact]
    public void Only_the_latest_verdict_counts()
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var (report, denial) = ReportAndDenial(store);
        var withoutFlag = StoreBuilder.Scores(store);
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, 0.3f);

        store.AddVerdict(flag, VerdictKinds.ARight, "ann", null, 0);
        var umerov = SourceRef.Speaker("Rustem Umerov");
        Assert.True(StoreBuilder.Scores(store)[umerov].Estimate > withoutFlag[umerov].Estimate);
        store.AddVerdict(flag, VerdictKinds.NotContradiction, "bob", "they talk about different plans", 1);

        Assert.Equal(withoutFlag[umerov].Estimate, StoreBuilder.Scores(store)[umerov].Estimate, 12);
        Assert.Equal(VerdictKinds.NotContradiction, StoreEvidence.Build(store).Flags.Single(f => f.FlagId == flag).Review!.Verdict);
    }

    [Fact]
    public void A_b_right_verdict_makes_side_B_the_likelier_right_side_of_the_flag()
    {
        using var dir = new TempDir();
        using var store = StoreBuilder.Seeds(dir);
        var (report, denial) = ReportAndDenial(store);
        var flag = StoreBuilder.Flag(store, report.ClaimId, denial.ClaimId, FlagKind.Denial, 0.6f);

        store.AddVerdict(flag, VerdictKinds.BRight, "ann", null, 0);
        var sides = StoreReliability.Compute(store).ForFlag(flag, report.ClaimId, denial.ClaimId);

        Assert.Equal(FlagSide.B, sides.LikelierRight);
        Assert.Equal(SourceRef.Speaker("Rustem Umerov"), sides.A!.Voice.Source);
        Assert.Equal(SourceRef.Speaker("Ukrainian Ministry of Defense"), sides.B!.Voice.Source);
        Assert.Contains("b_right", sides.Reason, StringComparison.Ordinal);
        Assert.All(sides.A.Sources.Concat(sides.B.Sources), s => Assert.True(s.Lower <= s.Estimate && s.Estimate <= s.Upper));
    }
}
