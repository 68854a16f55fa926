using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Reliability;
using Contradictions.Core.Stance;
using Contradictions.Storage.Ingest;
using Contradictions.Storage.Reliability;

namespace Contradictions.Storage.Tests.Reliability;

/// <summary>
/// Real SQLite stores for the reliability tests: the seed articles or hand-written ones, with copy origins assigned
/// as <c>scan</c> assigns them. Flags and restatements are written through the store's own API (the scan's scorer
/// needs the models, which the Storage tests do not load), with whatever confidence the test chooses.
/// </summary>
internal static class StoreBuilder
{
    public static ClaimStore Seeds(TempDir dir, string name = "seeds.db")
    {
        var store = ClaimStore.Open(dir.File(name));
        Ingestor.Run(store, [RepoRoot.File("data", "articles")]);
        AssignOrigins(store);
        return store;
    }

    /// <summary>A store of hand-written articles (id, outlet, text), origins assigned.</summary>
    public static ClaimStore Articles(TempDir dir, string name, params (string Id, string Outlet, string Text)[] articles)
    {
        var store = ClaimStore.Open(dir.File(name));
        foreach (var (id, outlet, text) in articles)
        {
            var article = ArticleFactory.Create(id, text, new ArticleMetadata(Outlet: outlet));
            store.Store(article, ClaimExtractor.Extract(article));
        }
        AssignOrigins(store);
        return store;
    }

    public static void AssignOrigins(ClaimStore store)
    {
        var articles = store.ListArticles().ToDictionary(a => a.RowId);
        store.SaveOrigins(new OriginClusterer().Assign(store.AllClaims().Select(c =>
            new OriginItem(c.ClaimId, articles[c.ArticleRowId].Article.Id, articles[c.ArticleRowId].Article.Outlet, c.Claim.Text))));
    }

    /// <summary>The one stored claim whose text contains <paramref name="fragment"/> in the article whose id starts with <paramref name="articlePrefix"/>.</summary>
    public static StoredClaim Claim(ClaimStore store, string fragment, string articlePrefix = "")
    {
        var articles = store.ListArticles().ToDictionary(a => a.RowId);
        return store.AllClaims().Single(c => c.Claim.Text.Contains(fragment, StringComparison.Ordinal)
            && articles[c.ArticleRowId].Article.Id.StartsWith(articlePrefix, StringComparison.Ordinal));
    }

    /// <summary>Stores a flag between two claims (lower id first, as the store requires) and returns its id.</summary>
    public static long Flag(ClaimStore store, long x, long y, FlagKind kind, float confidence)
    {
        var (a, b) = x < y ? (x, y) : (y, x);
        var p = new StanceProbabilities(0.1f, 0.6f, 0.2f, 0.1f);
        store.SaveScores([(a, b, new ScoredPair(confidence, kind, ["test flag"], p, p, 0.2f), true)]);
        return store.Flags().Single(f => f.ClaimA == a && f.ClaimB == b).Id;
    }

    /// <summary>Records that two claims restate each other, as a scan records a same-polarity pair with enough shared content.</summary>
    public static void Restatement(ClaimStore store, long x, long y)
    {
        var (a, b) = x < y ? (x, y) : (y, x);
        var p = new StanceProbabilities(0.8f, 0.0f, 0.2f, 0.0f);
        store.SaveScores([(a, b, new ScoredPair(0.01f, FlagKind.Position, [], p, p, 0.8f), false)], [(a, b, 0.8f)]);
    }

    /// <summary>Every source's reliability, computed from the store as <c>sources</c> computes it (no outlet priors).</summary>
    public static Dictionary<SourceRef, SourceReliability> Scores(ClaimStore store) =>
        StoreReliability.Compute(store).Result.Sources.ToDictionary(s => s.Source);
}
