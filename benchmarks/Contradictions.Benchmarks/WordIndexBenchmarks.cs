using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Contradictions.ML.Detection;
using Contradictions.Storage;
using Contradictions.Storage.Detection;

namespace Contradictions.Benchmarks;

/// <summary>
/// What a scan leaves to the review queue: the word index of its claims (FTS5, the subject filter), which writes no
/// longer build and the first subject search after the scan brings up to date (<see cref="ClaimStore.IndexWords"/>).
/// The store is a scan of the FNC-1 training bodies (29,206 claims), made once and copied fresh for each invocation
/// (outside the measurement); one operation is one claim indexed.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
[MemoryDiagnoser]
public class WordIndexBenchmarks
{
    private string dir = string.Empty;
    private string scanned = string.Empty;
    private string storePath = string.Empty;
    private const int Claims = 29_206;
    private int claims;

    [GlobalSetup]
    public void Setup()
    {
        dir = Path.Combine(Path.GetTempPath(), "contradictions-words-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        scanned = Path.Combine(dir, "scanned.db");
        var model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        using (var store = ClaimStore.Open(scanned))
        {
            claims = new ScanService(store, model).Scan([RepoPaths.Of("data", "fnc-1", "train_bodies.csv")]).Claims;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void FreshCopy()
    {
        storePath = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(scanned, storePath);
    }

    /// <summary>Opening the store, indexing every claim of the scan in one transaction, closing.</summary>
    [Benchmark(OperationsPerInvoke = Claims)]
    public int IndexScannedClaims()
    {
        using var store = ClaimStore.Open(storePath);
        int indexed = store.IndexWords();
        if (indexed != claims || claims != Claims) throw new InvalidOperationException($"indexed {indexed} of {claims} claims, expected {Claims}");
        return indexed;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(dir, recursive: true);
}
