using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;

namespace Contradictions.Storage.Tests;

public class VerdictTests
{
    private static long OneFlag(ClaimStore store)
    {
        var article = ArticleFactory.Create("a.txt", "The minister said the talks were cancelled.\n\nThe ministry denied that the talks were cancelled.");
        store.Store(article, ClaimExtractor.Extract(article));
        var ids = store.AllClaims().Select(c => c.ClaimId).Order().ToList();
        var p = new StanceProbabilities(0.1f, 0.7f, 0.1f, 0.1f);
        store.SaveScores([(ids[0], ids[1], new ScoredPair(0.8f, FlagKind.Denial, ["cue"], p, p, 0.5f), true)]);
        return store.Flags().Single().Id;
    }

    [Fact]
    public void Verdicts_keep_their_history_with_times_from_the_time_provider()
    {
        using var dir = new TempDir();
        var t0 = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var store = ClaimStore.Open(dir.File("v.db"), new FixedTime(t0));
        var flag = OneFlag(store);

        var first = store.AddVerdict(flag, VerdictKinds.ARight, " ann ", "  ", 0);
        Assert.Equal(VerdictOutcome.Added, first.Outcome);
        Assert.Equal(1, first.Verdict!.Version);
        Assert.Equal("ann", first.Verdict.Reviewer);
        Assert.Null(first.Verdict.Note);
        Assert.Equal(t0, first.Verdict.CreatedAt);

        var stale = store.AddVerdict(flag, VerdictKinds.NotContradiction, "bob", null, 0);
        Assert.Equal(VerdictOutcome.Conflict, stale.Outcome);
        Assert.Equal(1, stale.CurrentVersion);
        Assert.Equal("ann", stale.Latest!.Reviewer);
        Assert.Null(stale.Verdict);

        Assert.Equal(VerdictOutcome.Added, store.AddVerdict(flag, VerdictKinds.Unresolved, "bob", "why", 1).Outcome);
        Assert.Equal([VerdictKinds.ARight, VerdictKinds.Unresolved], store.Verdicts(flag).Select(v => v.Verdict));
        Assert.Equal(VerdictKinds.Unresolved, store.LatestVerdicts()[flag].Verdict);
        Assert.Equal(VerdictOutcome.FlagNotFound, store.AddVerdict(flag + 100, VerdictKinds.ARight, "ann", null, 0).Outcome);
        Assert.Throws<ArgumentException>(() => store.AddVerdict(flag, "maybe", "ann", null, 2));
        Assert.Throws<ArgumentException>(() => store.AddVerdict(flag, VerdictKinds.ARight, " ", null, 2));
    }

    [Fact]
    public async Task Two_reviewers_racing_on_one_version_cannot_both_win()
    {
        using var dir = new TempDir();
        var path = dir.File("race.db");
        long flag;
        using (var store = ClaimStore.Open(path)) flag = OneFlag(store);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            using var store = ClaimStore.Open(path);
            return store.AddVerdict(flag, VerdictKinds.All[i % 5], "r" + i, null, 0).Outcome;
        })));
        Assert.Equal(1, results.Count(r => r == VerdictOutcome.Added));
        Assert.Equal(7, results.Count(r => r == VerdictOutcome.Conflict));
        using var check = ClaimStore.Open(path);
        Assert.Single(check.Verdicts(flag));
    }
}
