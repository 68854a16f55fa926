using BenchmarkDotNet.Attributes;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;
using Contradictions.ML.Model;

namespace Contradictions.Benchmarks;

/// <summary>
/// The scan's hot path: scoring one candidate pair of news sentences with the committed pair model (two stance
/// predictions, the pair features, the calibrated trees). The pairs are what a scan scores: claims of the FNC-1
/// hold-out bodies, each with its top-10 candidates from the subject index (under the index's own pairing rules), so
/// related and loosely related pairs come in their real proportions. Claims are prepared once (the model caches them
/// by id, as in a scan). One thread: numbers are per core.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class PairScoringBenchmarks
{
    private const int Pairs = 20_000;

    private ContradictionModel model = null!;
    private (ClaimContext A, ClaimContext B)[] pairs = null!;
    private readonly ScoredPair[] scores = new ScoredPair[Pairs];

    [GlobalSetup]
    public void Setup()
    {
        model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));
        long id = 0;
        var claims = corpus.HoldOut.DistinctBy(p => p.PassageId).OrderBy(p => p.PassageId, StringComparer.Ordinal)
            .SelectMany(p => ClaimExtractor.Extract(ArticleFactory.Create(p.PassageId, p.Passage))
                .Select(c => new ClaimContext(id++, p.PassageId, null, null, c)))
            .ToDictionary(c => c.ClaimId);
        var statistics = new TermStatistics();
        var builder = new SubjectBuilder(statistics: statistics);
        foreach (var c in claims.Values) statistics.AddDocument(builder.DocumentFeatures(c.Claim));
        var index = new CandidateIndex();
        index.AddRange(claims.Values.Select(c => builder.Build(c.ClaimId, c.ArticleKey, c.Claim)).ToArray());
        var candidates = index.AllCandidatePairs(10).Select(p => (claims[p.Item1], claims[p.Item2])).ToArray();
        if (candidates.Length < Pairs) throw new InvalidOperationException($"only {candidates.Length} candidate pairs");
        // Every k-th pair, so the sample spans all stories rather than the first few.
        pairs = Enumerable.Range(0, Pairs).Select(i => candidates[(int)((long)i * candidates.Length / Pairs)]).ToArray();
        foreach (var (a, b) in pairs) model.Confidence(a, b);
    }

    /// <summary>Calibrated confidence of one prepared pair: the per-pair cost every candidate pays.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public float ConfidencePerPair()
    {
        float sum = 0;
        foreach (var (a, b) in pairs) sum += model.Confidence(a, b);
        return sum;
    }

    /// <summary>
    /// The confidence, the kind, and the cues for pairs at or above <see cref="ContradictionModel.ExplainFrom"/> (0.05);
    /// the scan makes cues only from its flag floor (0.1) on.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public float ScorePerPair()
    {
        float sum = 0;
        foreach (var (a, b) in pairs) sum += model.Score(a, b).Confidence;
        return sum;
    }

    /// <summary>
    /// The same scores as <see cref="ScorePerPair"/> (cues from 0.05 too) from the scan's call, 256 pairs at a time as a
    /// scan hands them over: where AVX-512 runs, sixteen pairs at once through the trees (LaneTrees).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public float ScoreInLanes()
    {
        for (int from = 0; from < Pairs; from += 256)
        {
            int n = Math.Min(256, Pairs - from);
            model.Score(pairs.AsSpan(from, n), ContradictionModel.ExplainFrom, scores.AsSpan(from, n));
        }
        return scores[^1].Confidence;
    }
}
