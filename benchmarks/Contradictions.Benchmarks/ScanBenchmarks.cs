using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Contradictions.ML.Detection;
using Contradictions.ML.Model;
using Contradictions.Storage;
using Contradictions.Storage.Detection;
using Contradictions.Storage.Ingest;

namespace Contradictions.Benchmarks;

/// <summary>
/// <c>scan</c> end to end on the FNC-1 training bodies (train_bodies.csv, 1,683 rows, 1,669 distinct texts) into a
/// fresh SQLite file per invocation (opened and closed inside the measurement): read, clean, split, extract claims, store, copy origins, subject index,
/// candidate pairs, pair scoring, flag writes, corroborations and the flags ≥ 0.5 of the report. One operation is
/// one body, so articles/s = 1 s / mean. Each invocation takes seconds: one per iteration (monitoring strategy),
/// with a fresh contradiction model, whose cache of prepared claims is keyed by claim id and must not carry over
/// between fresh stores. The stage breakdown (<see cref="ScanResult.Timings"/>) of the measured iterations is
/// printed at the end.
/// </summary>
[Config(typeof(CliRuntime))]
[MemoryDiagnoser]
public class ScanBenchmarks
{
    /// <summary>
    /// The runtime settings of the contradictions command (Contradictions.Cli.csproj): server collector without DATAS,
    /// no dynamic PGO, loops compiled optimised at once, arrays up to 4 MB in the small object heap. Three warm-up scans: the first scans of a process run much of the code before the JIT has optimised it.
    /// </summary>
    private sealed class CliRuntime : ManualConfig
    {
        public CliRuntime() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5)
            .WithGcServer(true)
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCDynamicAdaptationMode", "0"), new EnvironmentVariable("DOTNET_TieredPGO", "0"),
                new EnvironmentVariable("DOTNET_TC_QuickJitForLoops", "0"), new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x400000")));
    }

    private const int Bodies = 1_683;
    private const int MeasuredIterations = 5;

    // Only what the stage breakdown prints: a whole ScanResult holds every claim of its scan, and keeping one per
    // iteration grew the heap that later iterations' collections had to walk.
    private sealed record Run(int Articles, int Claims, int PairsScored, IReadOnlyList<StageTiming> Timings, TimeSpan GcPause, int Collections);

    private readonly Dictionary<string, List<Run>> results = [];
    private string bodies = string.Empty;
    private string dir = string.Empty;
    private ContradictionModel scorer = null!;
    private string storePath = string.Empty;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        bodies = RepoPaths.Of("data", "fnc-1", "train_bodies.csv");
        int rows = ArticleReader.ReadFile(bodies).Count();
        if (rows != Bodies) throw new InvalidOperationException($"expected {Bodies} FNC-1 bodies, read {rows}");
        dir = Path.Combine(Path.GetTempPath(), "contradictions-scan-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [IterationSetup]
    public void FreshStoreAndModel()
    {
        scorer = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        storePath = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db");
    }

    /// <summary>
    /// Opening and closing the store are measured: closing copies into the file what the write-ahead log still holds,
    /// which is part of storing the scan (the scan checkpoints as it goes and leaves little).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Bodies)]
    public int ScanFnc1Bodies()
    {
        var (pause, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var options = new ScanOptions { Parallelism = Threads, MinReportedConfidence = 0.5 };
        using var store = ClaimStore.Open(storePath);
        var result = new ScanService(store, scorer, options).Scan([bodies]);
        Record(nameof(ScanFnc1Bodies), result, GC.GetTotalPauseDuration() - pause, GC.CollectionCount(0) - collections);
        return result.Flags.Count;
    }

    /// <summary>Only ingest (read, clean, split, extract, store) into a fresh file: the part of the scan before detection.</summary>
    [Benchmark(OperationsPerInvoke = Bodies)]
    public int IngestFnc1Bodies()
    {
        using var store = ClaimStore.Open(storePath);
        return Ingestor.Run(store, [bodies], ingest: new IngestOptions { Parallelism = Threads }).Claims;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (benchmark, runs) in results)
        {
            var measured = runs.TakeLast(MeasuredIterations).ToList();
            Console.WriteLine($"// stages of {benchmark}, {Threads} thread(s), median of {measured.Count} runs ({measured[0].Articles:N0} articles, {measured[0].Claims:N0} claims, {measured[0].PairsScored:N0} pairs scored):");
            foreach (var stage in measured[0].Timings.Select(t => t.Stage))
            {
                var wall = Median(measured.Select(r => r.Timings.First(t => t.Stage == stage).Elapsed.TotalMilliseconds));
                var cpu = measured[0].Timings.First(t => t.Stage == stage).Cpu is null ? (double?)null
                    : Median(measured.Select(r => r.Timings.First(t => t.Stage == stage).Cpu!.Value.TotalMilliseconds));
                Console.WriteLine($"//   {stage,-52} {wall,8:0} ms wall" + (cpu is { } c ? $" {c,8:0} ms CPU" : ""));
            }
            Console.WriteLine($"//   collector pauses: {string.Join(", ", measured.Select(r => $"{r.GcPause.TotalMilliseconds:0} ms ({r.Collections} collections)"))}");
        }
        Directory.Delete(dir, recursive: true);
    }

    private void Record(string benchmark, ScanResult result, TimeSpan gcPause, int collections)
    {
        if (!results.TryGetValue(benchmark, out var runs)) results[benchmark] = runs = [];
        runs.Add(new Run(result.Articles, result.Claims, result.PairsScored, result.Timings, gcPause, collections));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
