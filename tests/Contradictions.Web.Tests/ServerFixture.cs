using Contradictions.Core.Detection;
using Contradictions.ML.Detection;
using Contradictions.ML.Model;
using Contradictions.Storage;
using Contradictions.Storage.Detection;
using Microsoft.AspNetCore.Builder;

namespace Contradictions.Web.Tests;

/// <summary>
/// The real server on a free loopback port over a temporary database into which the seed articles were scanned
/// with the committed models. Shared by every test in the "server" collection.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "contradictions-web-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string DbPath => Path.Combine(_dir, "review.db");

    public Uri BaseAddress { get; private set; } = null!;

    public IContradictionScorer Scorer { get; private set; } = null!;

    public int SeedFlags { get; private set; }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Scorer = LoadScorer();
        using (var store = ClaimStore.Open(DbPath))
        {
            SeedFlags = new ScanService(store, Scorer).Scan([RepoRoot.File("data", "articles")]).Flags.Count;
        }
        (_app, BaseAddress) = await Start(new WebOptions { DbPath = DbPath, Urls = "http://127.0.0.1:0", ScorerFactory = () => Scorer, PriorsPath = PriorsPath });
    }

    /// <summary>The committed outlet priors, so that the reliability pages rate outlets as <c>serve</c> does.</summary>
    public static string PriorsPath => RepoRoot.File("data", "source-priors", "golden_truth_dataset.csv");

    public static IContradictionScorer LoadScorer() =>
        ContradictionModel.Load(RepoRoot.File("models", "contradiction.zip"));

    /// <summary>Builds and starts a server; returns it with the address it actually bound.</summary>
    public static async Task<(WebApplication App, Uri Address)> Start(WebOptions options)
    {
        var app = WebApp.Build(options);
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
