using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;
using Contradictions.Web;
using Microsoft.AspNetCore.Builder;

namespace Contradictions.Benchmarks;

/// <summary>
/// Response time of the review pages with 100k flags in the store (issue 6: p95 ≤ 50 ms). The real server
/// (<see cref="WebApp.Build"/>) on a free loopback port over a temporary database from
/// <see cref="SyntheticReviewStore"/>; an HttpClient GETs a page and reads the whole body. One request per
/// iteration and outliers kept, so the P95 column is the 95th percentile of single requests.
/// </summary>
[Config(typeof(RequestPercentiles))]
public class ReviewPageBenchmarks
{
    private string _dir = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private long[] _flagIds = null!;
    private int _next;
    private string _outlet = null!;
    private string _speaker = null!;

    [Params(100_000)]
    public int Flags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "contradictions-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var db = Path.Combine(_dir, "review.db");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = SyntheticReviewStore.Create(db, Flags);
        Console.WriteLine($"// store: {made.Articles:N0} articles, {made.Claims:N0} claims, {made.Flags:N0} flags, {made.Verdicts:N0} verdicts in {clock.Elapsed.TotalSeconds:0.0} s");
        // The second most common outlet and the most quoted speaker: filters that match many claims.
        _outlet = made.Outlets[1];
        _speaker = made.Speakers[0];
        _app = WebApp.Build(new WebOptions { DbPath = db, Urls = "http://127.0.0.1:0" });
        _app.StartAsync().GetAwaiter().GetResult();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        using (var store = Contradictions.Storage.ClaimStore.Open(db))
            _flagIds = store.QueryFlags(new Contradictions.Storage.FlagFilter(), 0, 1000).Items.Select(q => q.Flag.Id).ToArray();
        foreach (var url in new[] { "/", FilteredUrl, SpeakerUrl, SubjectUrl, $"/flags/{_flagIds[0]}", "/api/flags" })
        {
            using var response = _client.GetAsync(url).GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {response.StatusCode}");
        }
    }

    private string FilteredUrl => $"/?status=unreviewed&kind=Denial&outlet={Uri.EscapeDataString(_outlet)}&minConfidence=0.3&page=2";

    private string SpeakerUrl => $"/?speaker={Uri.EscapeDataString(_speaker)}&page=2";

    private const string SubjectUrl = "/?subject=minerals%20deal&page=2";

    /// <summary>The queue as a reviewer opens it: no filter, first page of 25.</summary>
    [Benchmark(Baseline = true)]
    public Task<string> QueueFirstPage() => _client.GetStringAsync("/");

    /// <summary>Status, kind, outlet and minimum confidence together, second page.</summary>
    [Benchmark]
    public Task<string> QueueFilteredPage() => _client.GetStringAsync(FilteredUrl);

    /// <summary>A speaker (substring of chain links) on the second page.</summary>
    [Benchmark]
    public Task<string> QueueSpeakerFilter() => _client.GetStringAsync(SpeakerUrl);

    /// <summary>A subject (substring of claim text) on the second page.</summary>
    [Benchmark]
    public Task<string> QueueSubjectFilter() => _client.GetStringAsync(SubjectUrl);

    /// <summary>A flag page, cycling through the 1,000 most confident flags.</summary>
    [Benchmark]
    public Task<string> FlagPage() => _client.GetStringAsync($"/flags/{_flagIds[_next++ % _flagIds.Length]}");

    /// <summary>The JSON API's first page.</summary>
    [Benchmark]
    public Task<string> ApiFlagsFirstPage() => _client.GetStringAsync("/api/flags");

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
