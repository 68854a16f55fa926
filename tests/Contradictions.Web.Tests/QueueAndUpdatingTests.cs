using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Reliability;
using Contradictions.Core.Stance;
using Contradictions.Storage;

namespace Contradictions.Web.Tests;

/// <summary>
/// Servers of their own over a store of 40 articles (attributed claims) and 1,100 flags: the queue's count that stops
/// at 1,000, and reliability that is recomputed in the background while flag pages show the last estimates.
/// </summary>
public sealed class QueueAndUpdatingTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly StanceProbabilities P = new(0.1f, 0.6f, 0.2f, 0.1f);
    private static readonly string[] Speakers = ["Dmitry Peskov", "Rustem Umerov", "Marco Rubio", "Kaja Kallas"];
    private static readonly string[] Outlets = ["Reuters", "TASS", "Kyiv Independent"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "contradictions-web-queue-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_dir, "queue.db");

    public QueueAndUpdatingTests()
    {
        Directory.CreateDirectory(_dir);
        using var store = ClaimStore.Open(Db);
        for (int a = 0; a < 40; a++)
        {
            var sentences = Enumerable.Range(0, 10).Select(i =>
                $"{Speakers[(a + i) % Speakers.Length]} said the ceasefire would {(i % 2 == 0 ? "hold" : "not hold")} after April {i + 10}, round {a}.");
            var article = ArticleFactory.Create($"a{a}.txt", string.Join("\n\n", sentences), new ArticleMetadata(Outlet: Outlets[a % Outlets.Length]));
            store.Store(article, ClaimExtractor.Extract(article));
        }
        var claims = store.AllClaims();
        var random = new Random(5);
        var pairs = new HashSet<(long, long)>();
        while (pairs.Count < 1100)
        {
            var (x, y) = (claims[random.Next(claims.Count)], claims[random.Next(claims.Count)]);
            if (x.ArticleRowId != y.ArticleRowId) pairs.Add(x.ClaimId < y.ClaimId ? (x.ClaimId, y.ClaimId) : (y.ClaimId, x.ClaimId));
        }
        store.SaveScores([.. pairs.Select(p => (p.Item1, p.Item2, new ScoredPair((float)Math.Round(0.3 + 0.7 * random.NextDouble(), 3), FlagKind.Position, ["cue"], P, P, 0.2f), true))]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    [Fact]
    public async Task A_filtered_queue_over_1000_flags_says_more_than_1000_and_offers_the_next_page()
    {
        var (app, address) = await ServerFixture.Start(new WebOptions { DbPath = Db, Urls = "http://127.0.0.1:0" });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        var filtered = await client.GetStringAsync("/?kind=position&page=2");
        var api = await GetJson(client, "/api/flags?kind=position&page=2");
        var all = await client.GetStringAsync("/");

        Assert.Contains("<p class=\"meta\" id=\"total\">more than 1000 flag(s).", filtered);
        Assert.Contains("Page 2 of more than 40", filtered);
        Assert.Contains("rel=\"next\"", filtered);
        Assert.Equal((1000, true), (api.GetProperty("total").GetInt32(), api.GetProperty("totalIsLowerBound").GetBoolean()));
        Assert.Equal(25, api.GetProperty("items").GetArrayLength());
        // Unfiltered, SQLite counts the whole index: exact.
        Assert.Contains("<p class=\"meta\" id=\"total\">1100 flag(s).", all);
        Assert.Contains("Page 1 of 44 ", all);
    }

    [Fact]
    public async Task After_a_verdict_or_new_flags_the_flag_page_shows_the_last_estimates_says_they_are_updating_and_applies_the_verdict()
    {
        var (app, address) = await ServerFixture.Start(new WebOptions { DbPath = Db, Urls = "http://127.0.0.1:0" });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };
        var id = (await GetJson(client, "/api/flags")).GetProperty("items")[0].GetProperty("id").GetInt64();
        await GetJson(client, "/api/sources");
        Assert.DoesNotContain("reliability-updating", await client.GetStringAsync($"/flags/{id}"));

        using (var posted = await client.PostAsJsonAsync($"/api/flags/{id}/verdicts", new { verdict = "b_right", reviewer = "ann", expectedVersion = 0 }))
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var after = await client.GetStringAsync($"/flags/{id}");

        // The first view after the change starts the recomputation and does not wait for it.
        Assert.Contains("id=\"reliability-updating\"", after);
        Assert.Contains("More likely right: <strong>side B</strong>", after);
        // The sources API waits for it; then the flag is up to date.
        await GetJson(client, "/api/sources");
        var fresh = (await GetJson(client, $"/api/flags/{id}")).GetProperty("reliability");
        Assert.Equal((false, "b"), (fresh.GetProperty("updating").GetBoolean(), fresh.GetProperty("likelierRight").GetString()));

        // A scan beside the server stores a new flag.
        using (var scan = ClaimStore.Open(Db))
        {
            var claims = scan.AllClaims();
            scan.SaveScores([(claims[0].ClaimId, claims[^1].ClaimId, new ScoredPair(0.9f, FlagKind.Factual, ["cue"], P, P, 0.2f), true)]);
        }
        var stale = (await GetJson(client, $"/api/flags/{id}")).GetProperty("reliability");
        Assert.True(stale.GetProperty("updating").GetBoolean());
        Assert.Equal("b", stale.GetProperty("likelierRight").GetString());
    }

    [Fact]
    public void Latest_gives_the_last_estimates_until_the_recomputation_lands_and_current_waits_for_it()
    {
        var service = new ReliabilityService(Db, TimeProvider.System, SourcePriors.Empty);
        var first = service.Current();
        Assert.Equal((first, false), service.Latest());

        using (var scan = ClaimStore.Open(Db))
        {
            var claims = scan.AllClaims();
            scan.SaveScores([(claims[1].ClaimId, claims[^2].ClaimId, new ScoredPair(0.95f, FlagKind.Factual, ["cue"], P, P, 0.2f), true)]);
        }

        Assert.Equal((first, true), service.Latest());
        var second = service.Current();
        Assert.NotSame(first, second);
        Assert.Equal(first.Evidence.Flags.Count + 1, second.Evidence.Flags.Count);
        Assert.Equal((second, false), service.Latest());
    }
}
