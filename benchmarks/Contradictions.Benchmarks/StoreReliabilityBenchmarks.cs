using System.Globalization;
using BenchmarkDotNet.Attributes;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;

namespace Contradictions.Benchmarks;

/// <summary>
/// Source reliability from a real SQLite store: reading 100k claims and 100k flags into the evidence graph
/// (<see cref="StoreEvidence.Build"/>) and that plus the model (<see cref="StoreReliability.Compute"/>). This is what
/// <c>sources</c>, <c>scan</c>/<c>flags</c> and the review server's first page after a change pay, on top of the
/// graph-only <see cref="ReliabilityBenchmarks"/>.
/// </summary>
/// <remarks>
/// The store is generated once (10 claims per article: a speaker from 400, an outlet from 300, a project from 2,000,
/// numbers and dates; copy origins assigned; one flag per claim between random claims with uniform confidence, every
/// tenth pair also a restatement) and kept in the temp folder, because BenchmarkDotNet runs each benchmark in its own
/// process and generating it takes about half a minute. Delete <c>contradictions-bench-store-*.db</c> to regenerate.
/// </remarks>
[SimpleJob(warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class StoreReliabilityBenchmarks
{
    private ClaimStore _store = null!;

    [Params(100_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"contradictions-bench-store-v1-{Claims}.db"));
        var ready = path + ".ready";
        if (!File.Exists(ready))
        {
            foreach (var stale in new[] { path, path + "-wal", path + "-shm" }) File.Delete(stale);
            using (var store = ClaimStore.Open(path)) Generate(store, Claims, seed: 5);
            File.WriteAllText(ready, "generated");
        }

        _store = ClaimStore.Open(path);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    private StoreReliability _computed = null!;
    private Dictionary<long, StoredVerdict> _batch = null!;

    /// <summary>A fresh computation (untimed) and a batch of 1,000 side verdicts on counted flags, as reviewers would give them.</summary>
    [IterationSetup(Target = nameof(ApplyVerdictBatch))]
    public void SetupBatch()
    {
        _computed = StoreReliability.Compute(_store);
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        _batch = _computed.Evidence.Flags.Where(f => f.Counted).Take(1000).Select((f, i) =>
            new StoredVerdict(i + 1, f.FlagId, i % 2 == 0 ? VerdictKinds.ARight : VerdictKinds.BRight, "bench", null, at.AddSeconds(i), 1))
            .ToDictionary(v => v.FlagId);
    }

    /// <summary>The review server after a batch of verdicts that moves no flag in or out of the graph: no store read, no re-index.</summary>
    [Benchmark]
    public StoreReliability? ApplyVerdictBatch() => _computed.WithVerdicts(_batch);

    [Benchmark(Baseline = true)]
    public StoreEvidence ReadStoreIntoGraph() => StoreEvidence.Build(_store);

    [Benchmark]
    public StoreReliability ReadStoreAndRunModel() => StoreReliability.Compute(_store);

    private static void Generate(ClaimStore store, int claims, int seed)
    {
        var random = new Random(seed);
        string[] outlets = [.. Enumerable.Range(0, 300).Select(i => $"Outlet {i}")];
        string[] speakers = [.. Enumerable.Range(0, 400).Select(i => $"Minister Name{i} Surname{i % 37}")];
        string[] verbs = ["said", "told reporters", "claimed", "denied"];
        for (var a = 0; a < claims / 10; a++)
        {
            var lines = Enumerable.Range(0, 10).Select(_ =>
                $"{speakers[random.Next(speakers.Length)]} {verbs[random.Next(verbs.Length)]} that the project{random.Next(2000)} budget of " +
                $"{random.Next(1, 99)} million dollars was approved by parliament on {random.Next(1, 28)} March in article {a}.");
            var article = ArticleFactory.Create($"a{a}.txt", string.Join("\n\n", lines), new ArticleMetadata(Outlet: outlets[random.Next(outlets.Length)]));
            store.Store(article, ClaimExtractor.Extract(article));
        }

        var articles = store.ListArticles().ToDictionary(x => x.RowId);
        var stored = store.AllClaims();
        store.SaveOrigins(new OriginClusterer().Assign(stored.Select(c =>
            new OriginItem(c.ClaimId, articles[c.ArticleRowId].Article.Id, articles[c.ArticleRowId].Article.Outlet, c.Claim.Text))));
        var ids = stored.Select(c => c.ClaimId).ToArray();
        var stance = new StanceProbabilities(0.1f, 0.6f, 0.2f, 0.1f);
        var seen = new HashSet<(long, long)>();
        var batch = new List<(long, long, ScoredPair, bool)>();
        var restated = new List<(long, long, float)>();
        while (seen.Count < ids.Length)
        {
            long x = ids[random.Next(ids.Length)], y = ids[random.Next(ids.Length)];
            var (lo, hi) = x < y ? (x, y) : (y, x);
            if (lo == hi || !seen.Add((lo, hi))) continue;
            batch.Add((lo, hi, new ScoredPair((float)random.NextDouble(), FlagKind.Position, ["synthetic"], stance, stance, 0.3f), true));
            if (seen.Count % 10 == 0) restated.Add((lo, hi, 0.7f));
            if (batch.Count < 5000) continue;
            store.SaveScores(batch, restated);
            batch.Clear();
            restated.Clear();
        }

        store.SaveScores(batch, restated);
    }
}
