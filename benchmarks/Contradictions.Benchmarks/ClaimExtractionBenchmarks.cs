using BenchmarkDotNet.Attributes;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Storage;
using Contradictions.Storage.Ingest;

namespace Contradictions.Benchmarks;

/// <summary>
/// Claim extraction throughput (articles/s = OperationsPerInvoke / mean time) on the five seeds and on the first
/// 500 FNC-1 bodies, plus read + extract + store into a fresh SQLite file for the seeds.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class ClaimExtractionBenchmarks
{
    private const int FncCount = 500;
    private Article[] _seeds = [];
    private Article[] _fnc = [];
    private string _seedDir = string.Empty;
    private string _dbDir = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
        _seedDir = Path.Combine(root, "data", "articles");
        _seeds = ArticleReader.ReadPaths([_seedDir]).Select(r => r.Article!).ToArray();
        _fnc = ArticleReader.ReadFile(Path.Combine(root, "data", "fnc-1", "train_bodies.csv"))
            .Where(r => r.Article is not null).Take(FncCount).Select(r => r.Article!).ToArray();
        _dbDir = Path.Combine(Path.GetTempPath(), "contradictions-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dbDir);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dbDir, recursive: true);

    [Benchmark(OperationsPerInvoke = 5)]
    public int ExtractSeeds()
    {
        int n = 0;
        foreach (var a in _seeds) n += ClaimExtractor.Extract(a).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = FncCount)]
    public int ExtractFnc1Bodies()
    {
        int n = 0;
        foreach (var a in _fnc) n += ClaimExtractor.Extract(a).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 5)]
    public int IngestSeedsIntoFreshDatabase()
    {
        using var store = ClaimStore.Open(Path.Combine(_dbDir, Guid.NewGuid().ToString("N") + ".db"));
        return Ingestor.Run(store, [_seedDir]).Claims;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Contradictions.sln"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Contradictions.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Contradictions.sln not found");
    }
}
