using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.Storage.Detection;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests.Detection;

public class PairScoringTests
{
    [Fact]
    public void Parts_are_small_and_cut_where_a_batch_ends()
    {
        var parts = PairScoring.Parts(173_057, 65_536);
        Assert.Equal((0, PairScoring.PartSize, false), parts[0]);
        Assert.Equal((65_536 - PairScoring.PartSize, PairScoring.PartSize, true), parts[65_536 / PairScoring.PartSize - 1]);
        // The last batch (41,985 pairs) ends a transaction before its last 8,192 too.
        Assert.Equal([65_536, 131_072, 173_057 - PairScoring.LastBatch, 173_057], parts.Where(p => p.EndsBatch).Select(p => p.Start + p.Count));
        // A last batch shorter than twice that is not cut; a batch smaller than a part is one part.
        Assert.Equal([65_536, 65_536 + 2 * PairScoring.LastBatch - 1], PairScoring.Parts(65_536 + 2 * PairScoring.LastBatch - 1, 65_536).Where(p => p.EndsBatch).Select(p => p.Start + p.Count));
        Assert.Equal([(0, 100, true), (100, 100, true), (200, 50, true)], PairScoring.Parts(250, 100));
        Assert.Equal([(0, 100, true)], PairScoring.Parts(100, 65_536));
    }

    [Fact]
    public void Parts_cover_every_pair_once_in_order_and_commit_where_batches_end()
    {
        foreach (var (pairs, batch) in new[] { (1, 1), (17, 1), (16_384, 16_384), (16_385, 16_384), (50_000, 7), (200_000, 65_536), (40_000, 100_000), (5_000, 3_000), (16_384, 100_000), (16_383, 100_000) })
        {
            var parts = PairScoring.Parts(pairs, batch);
            int next = 0;
            foreach (var (start, count, endsBatch) in parts)
            {
                Assert.Equal(next, start);
                Assert.InRange(count, 1, PairScoring.PartSize);
                Assert.True(start / batch == (start + count - 1) / batch, $"part at {start} crosses a batch");
                next = start + count;
                int lastBatch = pairs - (pairs - 1) / batch * batch;
                Assert.Equal(next % batch == 0 || next == pairs || (lastBatch >= 2 * PairScoring.LastBatch && next == pairs - PairScoring.LastBatch), endsBatch);
            }
            Assert.Equal(pairs, next);
            Assert.True(parts[^1].EndsBatch);
        }
    }

    /// <summary>Flags every pair at 0.5, and fails (or cancels the scan) at one pair: a fault no real model makes on cue.</summary>
    private sealed class FailingScorer(long failA, long failB, Action fail) : IContradictionScorer
    {
        private static readonly StanceProbabilities P = new(0.1f, 0.6f, 0.2f, 0.1f);
        public int Calls;

        public ScoredPair Score(ClaimContext a, ClaimContext b)
        {
            Interlocked.Increment(ref Calls);
            if (a.ClaimId == failA && b.ClaimId == failB) fail();
            return new ScoredPair(0.5f, FlagKind.Factual, ["cue"], P, P, 0.1f);
        }
    }

    /// <summary>One article of 100 claims, and every pair of them (4,950), lower id first, in id order.</summary>
    private static List<(ClaimContext A, ClaimContext B)> AllPairs(ClaimStore store)
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 100).Select(i => $"Official number {i} said the ceasefire in region {i} held."));
        var article = ArticleFactory.Create("many.txt", text);
        var claims = store.ClaimsOf(store.Store(article, ClaimExtractor.Extract(article)).ArticleRowId)
            .Select(c => new ClaimContext(c.ClaimId, "many.txt", null, null, c.Claim)).OrderBy(c => c.ClaimId).ToList();
        Assert.Equal(100, claims.Count);
        return [.. from a in claims from b in claims where a.ClaimId < b.ClaimId select (a, b)];
    }

    [Fact]
    public void A_scoring_failure_is_thrown_and_leaves_only_whole_batches_before_it()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        var pairs = AllPairs(store);
        // In the third batch of 2,048 pairs, with two threads scoring parts out of order.
        var (failA, failB) = (pairs[4_500].A.ClaimId, pairs[4_500].B.ClaimId);
        var scorer = new FailingScorer(failA, failB, () => throw new InvalidOperationException("model broke"));
        var scoring = new PairScoring(store, scorer, new ScanOptions { Parallelism = 2, BatchSize = 2_048 });

        var error = Assert.Throws<InvalidOperationException>(() =>
            scoring.Run(pairs, [.. pairs.Select(p => (p.A.ClaimId, p.B.ClaimId))], null, CancellationToken.None));

        Assert.Equal("model broke", error.Message);
        // Whole batches from the first on: those the writer committed before the failure stopped the threads (parts
        // are scored ahead of the writer, and a stopped thread abandons its part).
        var flags = store.Flags().OrderBy(f => f.Id).Select(f => (f.ClaimA, f.ClaimB)).ToList();
        Assert.Contains(flags.Count, new[] { 0, 2_048, 4_096 });
        Assert.Equal(pairs.Take(flags.Count).Select(p => (p.A.ClaimId, p.B.ClaimId)), flags);
        // The pairs are recorded as scored with the last batch only: none is, so a rerun scores them all again.
        Assert.Empty(store.ScoredPartners());
        // Scoring stopped before the call returned.
        int calls = scorer.Calls;
        Thread.Sleep(50);
        Assert.Equal(calls, scorer.Calls);
        Assert.True(calls < pairs.Count, $"{calls} calls");
    }

    [Fact]
    public void Cancelling_stops_scoring_and_leaves_only_whole_batches_before_it()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        var pairs = AllPairs(store);
        using var cancel = new CancellationTokenSource();
        var scorer = new FailingScorer(pairs[3_000].A.ClaimId, pairs[3_000].B.ClaimId, cancel.Cancel);
        var scoring = new PairScoring(store, scorer, new ScanOptions { Parallelism = 2, BatchSize = 2_048 });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            scoring.Run(pairs, [.. pairs.Select(p => (p.A.ClaimId, p.B.ClaimId))], null, cancel.Token));

        var flags = store.Flags().OrderBy(f => f.Id).Select(f => (f.ClaimA, f.ClaimB)).ToList();
        Assert.Contains(flags.Count, new[] { 0, 2_048 });
        Assert.Equal(pairs.Take(flags.Count).Select(p => (p.A.ClaimId, p.B.ClaimId)), flags);
        Assert.Empty(store.ScoredPartners());
        int calls = scorer.Calls;
        Thread.Sleep(50);
        Assert.Equal(calls, scorer.Calls);
    }

    [Fact]
    public void Another_writer_gets_the_write_lock_while_pairs_are_scored()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        using var store = ClaimStore.Open(path);
        var pairs = AllPairs(store);
        bool locked = false;
        // While the second batch is scored (the first one written), a reviewer's connection writes.
        var scorer = new FailingScorer(pairs[3_000].A.ClaimId, pairs[3_000].B.ClaimId, () =>
        {
            using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
            other.Open();
            var until = DateTime.UtcNow.AddSeconds(3);
            while (!locked && DateTime.UtcNow < until)
            {
                try
                {
                    using var tx = other.BeginTransaction();
                    tx.Commit();
                    locked = true;
                }
                catch (SqliteException)
                {
                    Thread.Sleep(5);
                }
            }
        });
        var scoring = new PairScoring(store, scorer, new ScanOptions { Parallelism = 2, BatchSize = 2_048 });

        scoring.Run(pairs, [.. pairs.Select(p => (p.A.ClaimId, p.B.ClaimId))], null, CancellationToken.None);

        Assert.True(locked, "the scan held the write lock while it scored");
        Assert.Equal(pairs.Count, store.Flags().Count);
    }

    [Fact]
    public void Flags_carry_their_claims_articles_whether_given_or_looked_up()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        using var store = ClaimStore.Open(path);
        foreach (var (name, text) in new[]
        {
            ("one.txt", "Officials said the ceasefire held in Kherson.\n\nThe mayor said the port was open."),
            ("two.txt", "The ministry said the ceasefire did not hold in Kherson.\n\nThe governor said the port was closed."),
            ("three.txt", "Witnesses said shelling went on in Kherson.\n\nA spokesman said the port would reopen."),
        })
        {
            var article = ArticleFactory.Create(name, text);
            store.Store(article, ClaimExtractor.Extract(article));
        }
        var claims = store.AllClaims();
        Assert.Equal(3, claims.Select(c => c.ArticleRowId).Distinct().Count());
        var contexts = claims.Select(c => new ClaimContext(c.ClaimId, c.ArticleRowId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, c.Claim)).ToList();
        var pairs = (from a in contexts from b in contexts where a.ClaimId < b.ClaimId select (a, b)).ToList();
        // The first article's claims are given; the others' are looked up by the writer.
        long first = claims.Min(c => c.ArticleRowId);
        var given = claims.Where(c => c.ArticleRowId == first).ToDictionary(c => c.ClaimId, c => c.ArticleRowId);
        var scoring = new PairScoring(store, new FailingScorer(-1, -1, () => { }), new ScanOptions { Parallelism = 2 }, given);

        scoring.Run(pairs, [.. pairs.Select(p => (p.a.ClaimId, p.b.ClaimId))], null, CancellationToken.None);

        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT COUNT(*), SUM(f.article_a IS ca.article_id AND f.article_b IS cb.article_id), SUM(ca.article_id <> cb.article_id)
            FROM flags f JOIN claims ca ON ca.id = f.claim_a JOIN claims cb ON cb.id = f.claim_b
            """;
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(pairs.Count, r.GetInt32(0));
        Assert.Equal(pairs.Count, r.GetInt32(1));
        Assert.True(r.GetInt32(2) > pairs.Count / 2, "most pairs join two articles");
    }

    [Fact]
    public void Every_pair_is_written_once_in_order_and_recorded_as_scored()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        var pairs = AllPairs(store);
        var scorer = new FailingScorer(-1, -1, () => { });
        var scoring = new PairScoring(store, scorer, new ScanOptions { Parallelism = 3, BatchSize = 1_000 });

        scoring.Run(pairs, [.. pairs.Select(p => (p.A.ClaimId, p.B.ClaimId))], null, CancellationToken.None);

        Assert.Equal(pairs.Count, scorer.Calls);
        Assert.Equal(pairs.Select(p => (p.A.ClaimId, p.B.ClaimId)), store.Flags().OrderBy(f => f.Id).Select(f => (f.ClaimA, f.ClaimB)));
        var scored = store.ScoredPartners();
        Assert.All(pairs, p => Assert.True(ClaimStore.WasScored(scored, p.A.ClaimId, p.B.ClaimId)));
    }
}
