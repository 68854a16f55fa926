using System.Runtime.InteropServices;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Text;
using Contradictions.Storage.Ingest;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Detection;

/// <summary>
/// The main job: ingest articles (idempotently), mark copies, pair every claim with its top candidates from an
/// inverted index (never all pairs), score the pairs not scored before, store flags, and report flags and
/// corroborations over everything stored. Every write is a transaction that leaves the store consistent (an article
/// with all its claims; the flags and restatements of a batch of scored pairs; at the end, the pairs scored), so a
/// scan killed at any point and run again ends where one uninterrupted scan would.
/// </summary>
public sealed class ScanService(ClaimStore store, IContradictionScorer scorer, ScanOptions? options = null)
{
    private readonly ScanOptions options = options ?? new ScanOptions();

    public ScanResult Scan(IEnumerable<string> paths, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        var clock = new StageClock();
        var checkpoints = store.CheckpointInBackground();
        ScanResult result;
        try
        {
            result = Scan(paths, progress, cancel, clock, checkpoints.Finish);
        }
        catch
        {
            // The scan's own error is the one to report; the log is checkpointed by the next open if not now.
            try { checkpoints.Dispose(); } catch (Exception e) when (e is SqliteException or InvalidOperationException) { }
            throw;
        }
        checkpoints.Dispose();
        clock.Lap("last checkpoint");
        // The result's Timings are the clock's own list, so these last two entries are in it too.
        clock.Add("  background checkpoints (beside the stages above)", checkpoints.Busy);
        return result;
    }

    private ScanResult Scan(IEnumerable<string> paths, IProgress<string>? progress, CancellationToken cancel, StageClock clock, Action writesDone)
    {
        var clusterer = Clusterer();
        // One string per distinct stem and feature for the whole scan: every claim's terms live until it ends.
        var terms = new TermPool();
        var prework = new ScanPrework(scorer, clusterer, terms, options.Parallelism);
        try
        {
            var ingest = Ingestor.Run(store, paths, options.Reader, null, new IngestOptions
            {
                Parallelism = options.Parallelism, BatchSize = options.IngestBatchSize, KeepClaims = true, Stored = prework.Add,
            }, cancel);
            clock.Lap("ingest (read, clean, split, extract claims; store)");
            clock.Add("  of which SQLite writes", ingest.StoreTime);
            progress?.Report($"ingested: {ingest.Added} new, {ingest.AlreadyStored} already stored, {ingest.Failed} failed");
            var ahead = prework.Results();
            clock.Lap("per-claim work started during ingest, rest of");
            return Detect(ingest, progress, cancel, clock, clusterer, terms, ahead, writesDone);
        }
        finally
        {
            prework.WaitQuietly();
        }
    }

    public ScanResult Detect(IngestSummary ingest, IProgress<string>? progress = null, CancellationToken cancel = default) =>
        Detect(ingest, progress, cancel, new StageClock(), Clusterer(), new TermPool(), ([], []), null);

    private OriginClusterer Clusterer() => new(new OriginOptions { Parallelism = options.Parallelism });

    private ScanResult Detect(IngestSummary ingest, IProgress<string>? progress, CancellationToken cancel, StageClock clock,
        OriginClusterer clusterer, TermPool terms, (Dictionary<long, OriginSketch> Sketches, Dictionary<long, ClaimTerms> Terms) ahead, Action? writesDone)
    {
        var articles = store.ArticleHeads().ToDictionary(a => a.RowId);
        var claims = store.AllClaims(ingest.AddedClaims);
        clock.Lap("load stored claims");

        // One label per article (it may look at the file system), not one per claim.
        var labels = articles.ToDictionary(a => a.Key, a => a.Value.Label());
        // Copy origins and the subject index do not depend on each other and each has a serial part (bucketing; term
        // statistics and index insertion), so they are built side by side. Only the origins task uses the store here.
        var originsTask = Task.Run(() =>
        {
            var assigned = clusterer.Assign(claims.Select(c =>
                new OriginItem(c.ClaimId, articles[c.ArticleRowId].Key, articles[c.ArticleRowId].Outlet, c.Claim.Text)
                {
                    Sketch = ahead.Sketches.GetValueOrDefault(c.ClaimId),
                }));
            // Sketches serve only this: dropped, they are not copied by the collections during pair scoring.
            ahead.Sketches.Clear();
            store.SaveOrigins(assigned);
            return assigned;
        }, cancel);
        CandidateIndex index;
        try
        {
            index = BuildIndex(claims, labels, terms, ahead.Terms);
            ahead.Terms.Clear();
        }
        catch
        {
            try { originsTask.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        var origins = originsTask.GetAwaiter().GetResult();
        clock.Lap("copy origins (MinHash) and subject index, side by side");

        var contexts = new Dictionary<long, ClaimContext>(claims.Count);
        foreach (var c in claims)
        {
            var article = articles[c.ArticleRowId];
            contexts[c.ClaimId] = new ClaimContext(c.ClaimId, labels[c.ArticleRowId], article.Outlet, article.Published, c.Claim, origins.GetValueOrDefault(c.ClaimId));
        }

        var toScore = NewPairs(index, contexts, store.ScoredPartners());
        clock.Lap("candidate pairs");

        var scoring = new PairScoring(store, scorer, options, claims.ToDictionary(c => c.ClaimId, c => c.ArticleRowId));
        // The pairs are recorded as scored in the transaction of their last flags (a kill before it leaves them all to
        // score again).
        var scoredPairs = toScore.Select(p => (p.A.ClaimId, p.B.ClaimId)).ToList();
        scoring.Run(toScore, scoredPairs, progress, cancel);
        clock.Lap("pair scoring and flag writes");
        clock.Add("  of which SQLite writes (overlapping scoring)", scoring.WriteTime);
        progress?.Report($"scored {toScore.Count:N0} new candidate pairs over {claims.Count:N0} claims");

        // Nothing more is written: the last checkpoint copies the log beside the reads below.
        writesDone?.Invoke();

        // The restatements stored by every scan (what source reliability counts, this scan's included); copies join
        // through their shared origin. Grouped on another thread while this one reads the report's flags.
        var restatements = store.Restatements();
        var grouping = Task.Run(() =>
        {
            var groups = StoredCorroborations.Build(claims, articles.ToDictionary(a => a.Key, a => a.Value.Outlet), origins, restatements);
            return groups.Groups
                .Where(g => g.ClaimIds.Count > 1)
                .OrderByDescending(g => g.ClaimIds.Count)
                .Select(g => new Corroboration(g.ClaimIds.Select(id => $"{contexts[id].ArticleKey}: {contexts[id].Claim.Text}").ToArray(), g.IndependentOrigins))
                .ToList();
        }, CancellationToken.None);
        List<FlagView> flags;
        try
        {
            flags = Views(store.Flags(options.MinReportedConfidence), contexts);
        }
        finally
        {
            try { grouping.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
        var corroborations = grouping.GetAwaiter().GetResult();
        clock.Lap("corroborations and the report's flags, side by side");
        return new ScanResult(ingest, articles.Count, claims.Count, toScore.Count, flags, corroborations)
        {
            Timings = clock.Stages,
            ScoredPairs = scoredPairs,
        };
    }

    /// <summary>
    /// Subject features, their document frequencies and then subjects are computed on all cores (one builder per
    /// thread; frequencies are sums, counted in between and only read after), and subjects enter the index in claim
    /// order, so the index does not depend on thread timing.
    /// </summary>
    private CandidateIndex BuildIndex(IReadOnlyList<StoredClaim> claims, Dictionary<long, string> labels, TermPool pool, Dictionary<long, ClaimTerms> ahead)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) };
        // Each claim is tokenised and stemmed once, for both passes (most during ingest: ScanPrework).
        var terms = new ClaimTerms[claims.Count];
        Parallel.For(0, claims.Count, parallel, () => new SubjectBuilder(terms: pool), (i, _, builder) =>
        {
            terms[i] = ahead.TryGetValue(claims[i].ClaimId, out var done) ? done : builder.Terms(claims[i].Claim);
            return builder;
        }, _ => { });
        var statistics = new TermStatistics();
        statistics.AddDocuments(Array.ConvertAll(terms, t => (IReadOnlyList<string>)t.Features), parallel.MaxDegreeOfParallelism);

        var subjects = new ClaimSubject[claims.Count];
        Parallel.For(0, claims.Count, parallel, () => new SubjectBuilder(statistics: statistics, terms: pool), (i, _, builder) =>
        {
            var c = claims[i];
            subjects[i] = builder.Build(c.ClaimId, labels[c.ArticleRowId], c.Claim, terms[i]);
            return builder;
        }, _ => { });
        var index = new CandidateIndex();
        index.AddRange(subjects, parallel.MaxDegreeOfParallelism);
        return index;
    }

    /// <summary>
    /// Candidate pairs not scored before, in index order, lower claim id first.
    /// Copies of one passage are one voice: they corroborate nothing and contradict nothing, and a copy paired with
    /// the same claim again adds nothing (one pair per pair of origins).
    /// </summary>
    private List<(ClaimContext A, ClaimContext B)> NewPairs(CandidateIndex index, Dictionary<long, ClaimContext> contexts, Dictionary<long, long[]> scored)
    {
        // Each claim's context and origin (as a number) by its position in the index, found once per claim: this loop
        // is serial and runs for every candidate, and looking both up by id for each was most of it.
        int n = index.Count;
        var context = new ClaimContext[n];
        var origin = new int[n];
        var numbers = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var members = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            var c = context[i] = contexts[index.ClaimIdAt(i)];
            ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, c.OriginId ?? OriginClusterer.OriginIdOf(c.ClaimId), out bool known);
            if (!known)
            {
                number = numbers.Count - 1;
                members.Add(0);
            }
            origin[i] = number;
            members[number]++;
        }
        var toScore = new List<(ClaimContext, ClaimContext)>();
        var seenOrigins = new HashSet<long>();
        foreach (var (x, y) in index.AllCandidatePositions(options.CandidatesPerClaim, Math.Max(1, options.Parallelism)))
        {
            var (ca, oa, cb, ob) = context[x].ClaimId < context[y].ClaimId ? (context[x], origin[x], context[y], origin[y]) : (context[y], origin[y], context[x], origin[x]);
            // Copies of one passage: both claims have the same stored origin (a claim without one is its own).
            if (ca.OriginId is not null && cb.OriginId is not null && oa == ob) continue;
            // Each claim pair comes once, so a pair of origins that each hold one claim can come only once: only pairs
            // touching an origin of several claims (copies) need the set.
            if ((members[oa] > 1 || members[ob] > 1) && !seenOrigins.Add(((long)Math.Min(oa, ob) << 32) | (uint)Math.Max(oa, ob))) continue;
            if (scored.Count > 0 && ClaimStore.WasScored(scored, ca.ClaimId, cb.ClaimId)) continue;
            toScore.Add((ca, cb));
        }
        return toScore;
    }

    /// <summary>Stored flags as readers see them, with both sides' articles, outlets and chains.</summary>
    public static IReadOnlyList<FlagView> StoredFlags(ClaimStore store, double minConfidence = 0)
    {
        var articles = store.ArticleHeads().ToDictionary(a => a.RowId);
        var labels = articles.ToDictionary(a => a.Key, a => a.Value.Label());
        var contexts = store.AllClaims().ToDictionary(c => c.ClaimId, c =>
            new ClaimContext(c.ClaimId, labels[c.ArticleRowId], articles[c.ArticleRowId].Outlet,
                articles[c.ArticleRowId].Published, c.Claim));
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
}
