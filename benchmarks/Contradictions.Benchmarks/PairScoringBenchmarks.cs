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
/// predictions, the pair features, the calibrated trees). Sentences are claims of FNC-1 hold-out bodies, paired
/// within each story as candidates are; claims are prepared once (the model caches them by id, as in a scan).
/// One thread: numbers are per core.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class PairScoringBenchmarks
{
    private const int Pairs = 20_000;

    private ContradictionModel model = null!;
    private (ClaimContext A, ClaimContext B)[] pairs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var stance = StanceModel.Load(RepoPaths.Of("models", "stance.zip"));
        model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"), stance);
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));
        long id = 0;
        var bodies = corpus.HoldOut.DistinctBy(p => p.PassageId).OrderBy(p => p.PassageId, StringComparer.Ordinal)
            .Select(p => ClaimExtractor.Extract(ArticleFactory.Create(p.PassageId, p.Passage))
                .Select(c => new ClaimContext(id++, p.PassageId, null, null, c)).ToArray())
            .Where(b => b.Length > 1).ToArray();
        var list = new List<(ClaimContext, ClaimContext)>(Pairs);
        for (int i = 0; list.Count < Pairs; i++)
        {
            // A claim against claims of the next story's body and of its own: related and loose candidates alike.
            var body = bodies[i % bodies.Length];
            var next = bodies[(i + 1) % bodies.Length];
            var a = body[i % body.Length];
            list.Add((a, next[i % next.Length]));
            list.Add((a, body[(i + 1) % body.Length]));
        }
        pairs = list.Take(Pairs).ToArray();
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

    /// <summary>What the scan calls: the confidence, the kind, and the cues for pairs at or above <see cref="ContradictionModel.ExplainFrom"/>.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public float ScorePerPair()
    {
        float sum = 0;
        foreach (var (a, b) in pairs) sum += model.Score(a, b).Confidence;
        return sum;
    }
}
