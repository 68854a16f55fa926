using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.Storage;
using Contradictions.Web;
using Microsoft.AspNetCore.Builder;
using Perfolizer.Mathematics.OutlierDetection;

namespace Contradictions.Benchmarks;

/// <summary>
/// Response time of the review pages with 100k flags in the store (issue 6: p95 ≤ 50 ms). The real server
/// (<see cref="WebApp.Build"/>) on a free loopback port over a copy of a database from
/// <see cref="SyntheticReviewStore"/>; an HttpClient GETs a page and reads the whole body. One request per
/// iteration and outliers kept, so the P95 column is the 95th percentile of single requests.
/// </summary>
/// <remarks>
/// BenchmarkDotNet runs each benchmark in its own process; the store is generated once per build of the storage
/// code into the temp folder (about a minute) and each process works on its own copy, because some benchmarks write
/// to it. The <c>After…</c> benchmarks change the store before each request (untimed), as a reviewer or a scan
/// beside the server does, and time the first flag page after the change.
/// </remarks>
[Config(typeof(RequestPercentiles))]
public class ReviewPageBenchmarks
{
    private string _dir = null!;
    private string _db = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private long[] _flagIds = null!;
    private int _next;
    private string _outlet = null!;
    private string _topOutlet = null!;
    private string _speaker = null!;
    private ClaimStore _writer = null!;
    private long _changed;
    private (long A, long B)[] _newPairs = null!;

    [Params(100_000)]
    public int Flags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var made = Template(Flags);
        _dir = Path.Combine(Path.GetTempPath(), "contradictions-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _db = Path.Combine(_dir, "review.db");
        File.Copy(made.Path, _db);
        // The most common outlet, the second most common and the most quoted speaker: filters that match many claims.
        _topOutlet = made.Summary.Outlets[0];
        _outlet = made.Summary.Outlets[1];
        _speaker = made.Summary.Speakers[0];
        _app = WebApp.Build(new WebOptions { DbPath = _db, Urls = "http://127.0.0.1:0" });
        _app.StartAsync().GetAwaiter().GetResult();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        _writer = ClaimStore.Open(_db);
        _flagIds = _writer.QueryFlags(new FlagFilter(), 0, 1000).Items.Select(q => q.Flag.Id).ToArray();
        var random = new Random(3);
        _newPairs = Enumerable.Range(0, 1000).Select(_ => (1 + random.NextInt64(made.Summary.Claims / 2), made.Summary.Claims / 2 + 1 + random.NextInt64(made.Summary.Claims / 2))).ToArray();
        foreach (var url in Urls().Append($"/flags/{_flagIds[0]}").Append("/api/flags").Append("/sources"))
        {
            using var response = _client.GetAsync(url).GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {response.StatusCode}");
        }
    }

    private IEnumerable<string> Urls() => [FilteredUrl, SpeakerUrl, SubjectUrl, OutletUrl, SidesUrl, StatusDeepUrl, KindUrl];

    private static string Q(string value) => Uri.EscapeDataString(value);

    private string FilteredUrl => $"/?status=unreviewed&kind=Denial&outlet={Q(_outlet)}&minConfidence=0.3&page=2";

    private string SpeakerUrl => $"/?speaker={Q(_speaker)}&page=2";

    private const string SubjectUrl = "/?subject=minerals%20deal&page=2";

    private string OutletUrl => $"/?outlet={Q(_topOutlet)}&page=2";

    private string SidesUrl => $"/?outlet={Q(_outlet)}&speaker={Q(_speaker)}&subject=ceasefire&page=2";

    private const string StatusDeepUrl = "/?status=unreviewed&page=200";

    private const string KindUrl = "/?kind=Factual&minConfidence=0.5&page=2";

    /// <summary>The queue as a reviewer opens it: no filter, first page of 25.</summary>
    [Benchmark(Baseline = true)]
    public Task<string> QueueFirstPage() => _client.GetStringAsync("/");

    /// <summary>Status, kind, outlet and minimum confidence together, second page.</summary>
    [Benchmark]
    public Task<string> QueueFilteredPage() => _client.GetStringAsync(FilteredUrl);

    /// <summary>Kind and minimum confidence, second page.</summary>
    [Benchmark]
    public Task<string> QueueKindFilter() => _client.GetStringAsync(KindUrl);

    /// <summary>Unreviewed flags, page 200 (flags 4,976–5,000).</summary>
    [Benchmark]
    public Task<string> QueueStatusDeepPage() => _client.GetStringAsync(StatusDeepUrl);

    /// <summary>The most common outlet (about 30% of flags have a side there), second page.</summary>
    [Benchmark]
    public Task<string> QueueOutletFilter() => _client.GetStringAsync(OutletUrl);

    /// <summary>A speaker (substring of chain links) on the second page.</summary>
    [Benchmark]
    public Task<string> QueueSpeakerFilter() => _client.GetStringAsync(SpeakerUrl);

    /// <summary>A subject (words of claim text) on the second page.</summary>
    [Benchmark]
    public Task<string> QueueSubjectFilter() => _client.GetStringAsync(SubjectUrl);

    /// <summary>Outlet, speaker and subject together, second page.</summary>
    [Benchmark]
    public Task<string> QueueSideFiltersCombined() => _client.GetStringAsync(SidesUrl);

    /// <summary>A flag page, cycling through the 1,000 most confident flags.</summary>
    [Benchmark]
    public Task<string> FlagPage() => _client.GetStringAsync($"/flags/{_flagIds[_next++ % _flagIds.Length]}");

    /// <summary>A reviewer's verdict (a side, on a counted flag) lands before each request; the request opens that flag.</summary>
    [IterationSetup(Target = nameof(FlagPageAfterVerdict))]
    public void GiveVerdict()
    {
        var id = _flagIds[_next++ % _flagIds.Length];
        var version = _writer.FindQueuedFlag(id)!.Version;
        _writer.AddVerdict(id, version % 2 == 0 ? VerdictKinds.ARight : VerdictKinds.BRight, "bench", null, version);
        _changed = id;
    }

    /// <summary>The flag page right after a verdict on it.</summary>
    [Benchmark]
    public Task<string> FlagPageAfterVerdict() => _client.GetStringAsync($"/flags/{_changed}");

    /// <summary>A scan beside the server stores new flags before each request.</summary>
    [IterationSetup(Target = nameof(FlagPageAfterScan))]
    public void StoreNewFlags()
    {
        var p = new StanceProbabilities(0.1f, 0.6f, 0.2f, 0.1f);
        var (a, b) = _newPairs[_next++ % _newPairs.Length];
        _writer.SaveScores([(a, b, new ScoredPair(0.8f, FlagKind.Position, ["stance: B disagrees with A (0.60)"], p, p, 0.2f), true)]);
        _changed = _flagIds[_next % _flagIds.Length];
    }

    /// <summary>A flag page right after a scan stored new flags.</summary>
    [Benchmark]
    public Task<string> FlagPageAfterScan() => _client.GetStringAsync($"/flags/{_changed}");

    /// <summary>The JSON API's first page.</summary>
    [Benchmark]
    public Task<string> ApiFlagsFirstPage() => _client.GetStringAsync("/api/flags");

    /// <summary>The sources table and chart (100 sources).</summary>
    [Benchmark]
    public Task<string> SourcesPage() => _client.GetStringAsync("/sources");

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _writer.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The generated store for this build of the storage code (its module version id), made once.</summary>
    internal static (string Path, SyntheticReviewStore.Summary Summary) Template(int flags)
    {
        var build = typeof(ClaimStore).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"contradictions-bench-review-{build}-{flags}.db"));
        var ready = path + ".ready";
        using var gate = new Mutex(false, "contradictions-bench-review-" + build);
        gate.WaitOne();
        try
        {
            if (!File.Exists(ready))
            {
                foreach (var stale in new[] { path, path + "-wal", path + "-shm" }) File.Delete(stale);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var made = SyntheticReviewStore.Create(path, flags);
                Console.WriteLine($"// store: {made.Articles:N0} articles, {made.Claims:N0} claims, {made.Flags:N0} flags, {made.Verdicts:N0} verdicts in {clock.Elapsed.TotalSeconds:0.0} s");
                File.WriteAllText(ready, "generated");
            }
            return (path, SyntheticReviewStore.Describe(flags));
        }
        finally
        {
            gate.ReleaseMutex();
        }
    }

    /// <summary>One request per iteration, 150 of them after 10 warm-up requests, no outlier removal: percentiles of requests.</summary>
    private sealed class RequestPercentiles : ManualConfig
    {
        public RequestPercentiles()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(150)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
