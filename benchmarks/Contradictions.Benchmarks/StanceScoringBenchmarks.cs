using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Contradictions.ML.Data;
using Contradictions.ML.Model;

namespace Contradictions.Benchmarks;

/// <summary>
/// The stance scoring hot path on FNC-1 hold-out pairs (9,622 pairs, 337 bodies): bodies are featurised once
/// and reused across headlines, as in batch scoring. One thread: numbers are per core.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class StanceScoringBenchmarks
{
    private const int HoldOutPairs = 9_622;

    private StanceModel model = null!;
    private (PreparedClaim Claim, PreparedPassage Passage)[] prepared = null!;
    private (string Claim, PreparedPassage Passage)[] withClaimText = null!;
    private (string Claim, string Passage)[] batch25k = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = StanceModel.Load(RepoPaths.Of("models", "stance.zip"));
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));
        var passages = corpus.HoldOut.Select(p => p.PassageId).Distinct().ToDictionary(id => id, id => model.PreparePassage(corpus.HoldOut.First(p => p.PassageId == id).Passage));
        var claims = corpus.HoldOut.Select(p => p.Claim).Distinct().ToDictionary(c => c, model.PrepareClaim);
        prepared = corpus.HoldOut.Select(p => (claims[p.Claim], passages[p.PassageId])).ToArray();
        withClaimText = corpus.HoldOut.Select(p => (p.Claim, passages[p.PassageId])).ToArray();
        batch25k = corpus.All.Take(25_000).Select(p => (p.Claim, p.Passage)).ToArray();
        if (prepared.Length != HoldOutPairs) throw new InvalidOperationException($"expected {HoldOutPairs} hold-out pairs, got {prepared.Length}");
    }

    /// <summary>Features of a pair plus the four calibrated tree heads: the per-pair cost once texts are prepared.</summary>
    [Benchmark(OperationsPerInvoke = HoldOutPairs)]
    public float ScorePreparedPair()
    {
        float sum = 0;
        foreach (var (claim, passage) in prepared) sum += model.Predict(claim, passage).Disagree;
        return sum;
    }

    /// <summary>Only the pair features (no trees): splits the hot path's cost between features and trees.</summary>
    [Benchmark(OperationsPerInvoke = HoldOutPairs)]
    public float PairFeaturesOnly()
    {
        Span<float> features = stackalloc float[ML.Features.Featurizer.Count];
        float sum = 0;
        foreach (var (claim, passage) in prepared)
        {
            model.Featurizer.Compute(claim.Features, passage.Features, features);
            sum += features[0];
        }
        return sum;
    }

    /// <summary>As above, but the headline is analysed for every pair (only the body is reused).</summary>
    [Benchmark(OperationsPerInvoke = HoldOutPairs)]
    public float ScorePairWithHeadlineFeaturisation()
    {
        float sum = 0;
        foreach (var (claim, passage) in withClaimText) sum += model.Predict(model.PrepareClaim(claim), passage).Disagree;
        return sum;
    }

    /// <summary>25,000 FNC-1 pairs from raw text through <see cref="StanceModel.PredictBatch"/> (all cores).</summary>
    [Benchmark]
    public int PredictBatch25k() => model.PredictBatch(batch25k).Count;

    [GlobalCleanup]
    public void Report() =>
        Console.WriteLine($"// peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
}
