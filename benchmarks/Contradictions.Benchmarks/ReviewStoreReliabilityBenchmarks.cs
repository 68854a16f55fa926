using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;

namespace Contradictions.Benchmarks;

/// <summary>
/// Source reliability over the review benchmark store (<see cref="SyntheticReviewStore"/>: 200,000 claims, most of
/// them their own origin, 100,000 flags): what the review server recomputes in the background after a scan beside it
/// stores claims or flags. The store is the one <see cref="ReviewPageBenchmarks"/> uses, read only.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ReviewStoreReliabilityBenchmarks
{
    private ClaimStore _store = null!;

    [Params(100_000)]
    public int Flags { get; set; }

    [GlobalSetup]
    public void Setup() => _store = ClaimStore.Open(ReviewPageBenchmarks.Template(Flags).Path);

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark(Baseline = true)]
    public StoreEvidence ReadStoreIntoGraph() => StoreEvidence.Build(_store);

    [Benchmark]
    public StoreReliability ReadStoreAndRunModel() => StoreReliability.Compute(_store);
}
