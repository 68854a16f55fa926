using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Storage.Ingest;

namespace Contradictions.Storage.Detection;

/// <summary>
/// The main job: ingest articles (idempotently), mark copies, pair every claim with its top candidates from an
/// inverted index (never all pairs), score the pairs not scored before, store flags, and report flags and
/// corroborations over everything stored.
/// </summary>
public sealed class ScanService(ClaimStore store, IContradictionScorer scorer, ScanOptions? options = null)
{
    private readonly ScanOptions options = options ?? new ScanOptions();

    public ScanResult Scan(IEnumerable<string> paths, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        var ingest = Ingestor.Run(store, paths, options.Reader);
        progress?.Report($"ingested: {ingest.Added} new, {ingest.AlreadyStored} already stored, {ingest.Failed} failed");
        return Detect(ingest, progress, cancel);
    }

    public ScanResult Detect(IngestSummary ingest, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        var articles = store.ListArticles().ToDictionary(a => a.RowId);
        var claims = store.AllClaims();
        var contexts = new Dictionary<long, ClaimContext>(claims.Count);
        var origins = new OriginClusterer().Assign(claims.Select(c =>
            new OriginItem(c.ClaimId, articles[c.ArticleRowId].Article.Id, articles[c.ArticleRowId].Article.Outlet, c.Claim.Text)));
        store.SaveOrigins(origins);
        foreach (var c in claims)
        {
            var article = articles[c.ArticleRowId].Article;
            contexts[c.ClaimId] = new ClaimContext(c.ClaimId, ArticleLabel(articles[c.ArticleRowId]), article.Outlet, article.Published, c.Claim, origins.GetValueOrDefault(c.ClaimId));
        }

        var builder = new SubjectBuilder();
        builder.Learn(claims.Select(c => c.Claim));
        var index = new CandidateIndex();
        foreach (var c in claims) index.Add(builder.Build(c.ClaimId, contexts[c.ClaimId].ArticleKey, c.Claim));

        var scored = store.ScoredPairs();
        var restatements = new List<(long, long, float)>();
        var batch = new List<(long, long, ScoredPair, bool)>();
        var seenOrigins = new HashSet<(string, string)>();
        int newPairs = 0;
        foreach (var (x, y, _) in index.AllCandidatePairs(options.CandidatesPerClaim))
        {
            cancel.ThrowIfCancellationRequested();
            var (a, b) = x < y ? (x, y) : (y, x);
            var ca = contexts[a];
            var cb = contexts[b];
            // Copies of one passage are one voice: they corroborate nothing and contradict nothing.
            if (ca.OriginId is not null && ca.OriginId == cb.OriginId) continue;
            // A copy paired with the same claim again adds nothing: one flag per pair of origins.
            var oa = ca.OriginId ?? OriginClusterer.OriginIdOf(a);
            var ob = cb.OriginId ?? OriginClusterer.OriginIdOf(b);
            if (!seenOrigins.Add(string.CompareOrdinal(oa, ob) < 0 ? (oa, ob) : (ob, oa))) continue;
            if (scored.Contains((a, b))) continue;
            var score = scorer.Score(ca, cb);
            bool restates = IsRestatement(score, ca, cb);
            if (restates) restatements.Add((a, b, score.Overlap));
            batch.Add((a, b, score, score.Confidence >= options.FlagFloor && !restates));
            newPairs++;
            if (batch.Count >= options.BatchSize)
            {
                store.SaveScores(batch, restatements);
                batch.Clear();
                restatements.Clear();
                progress?.Report($"scored {newPairs:N0} new candidate pairs");
            }
        }
        store.SaveScores(batch, restatements);
        progress?.Report($"scored {newPairs:N0} new candidate pairs over {claims.Count:N0} claims");

        // Restatements found by earlier scans count too: their pairs are not scored again.
        var groups = StoredCorroborations.Build(claims, articles, origins, store.Restatements());
        var corroborations = groups.Groups
            .Where(g => g.ClaimIds.Count > 1)
            .OrderByDescending(g => g.ClaimIds.Count)
            .Select(g => new Corroboration(g.ClaimIds.Select(id => $"{contexts[id].ArticleKey}: {contexts[id].Claim.Text}").ToArray(), g.IndependentOrigins))
            .ToList();
        return new ScanResult(ingest, articles.Count, claims.Count, newPairs, Views(store.Flags(), contexts), corroborations);
    }

    private bool IsRestatement(ScoredPair score, ClaimContext a, ClaimContext b) =>
        CorroborationGroups.IsRestatement(score.Overlap, a.Claim.Polarity, b.Claim.Polarity, options.RestatementOverlap);

    /// <summary>Stored flags as readers see them, with both sides' articles, outlets and chains.</summary>
    public static IReadOnlyList<FlagView> StoredFlags(ClaimStore store, double minConfidence = 0)
    {
        var articles = store.ListArticles().ToDictionary(a => a.RowId);
        var contexts = store.AllClaims().ToDictionary(c => c.ClaimId, c =>
            new ClaimContext(c.ClaimId, ArticleLabel(articles[c.ArticleRowId]), articles[c.ArticleRowId].Article.Outlet,
                articles[c.ArticleRowId].Article.Published, c.Claim));
        return Views(store.Flags(minConfidence), contexts);
    }

    private static List<FlagView> Views(IReadOnlyList<StoredFlag> flags, IReadOnlyDictionary<long, ClaimContext> contexts) =>
        flags.Where(f => contexts.ContainsKey(f.ClaimA) && contexts.ContainsKey(f.ClaimB))
            .Select(f => View(f, contexts[f.ClaimA], contexts[f.ClaimB])).ToList();

    private static FlagView View(StoredFlag f, ClaimContext a, ClaimContext b)
    {
        var explanation = new List<string>(f.Explanation)
        {
            $"stance of B towards A: agree {f.StanceAtoB[0]:0.00}, disagree {f.StanceAtoB[1]:0.00}, discuss {f.StanceAtoB[2]:0.00}, unrelated {f.StanceAtoB[3]:0.00}",
            $"stance of A towards B: agree {f.StanceBtoA[0]:0.00}, disagree {f.StanceBtoA[1]:0.00}, discuss {f.StanceBtoA[2]:0.00}, unrelated {f.StanceBtoA[3]:0.00}",
            $"A: {Polarity(a.Claim)} via {Chain(a.Claim)}; B: {Polarity(b.Claim)} via {Chain(b.Claim)}",
        };
        return new FlagView(f.Id, f.Confidence, f.Kind, Side(a), Side(b), explanation);
    }

    private static FlagSide Side(ClaimContext c) =>
        new(c.ClaimId, c.ArticleKey, c.Outlet, c.Claim.Chain.Select(l => l.Name).ToArray(), c.Claim.Text, c.Published);

    private static string Polarity(Claim c) => c.Polarity.ToString().ToLowerInvariant();

    private static string Chain(Claim c) => c.Chain.Count == 0 ? "no attribution" : string.Join(" → ", c.Chain.Select(l => l.Name));

    // The file name, or the id given in the input (JSON Lines / CSV rows).
    private static string ArticleLabel(StoredArticle a) => a.Article.SourceName is { } s && File.Exists(s) ? Path.GetFileName(s) : a.Article.Id;
}
