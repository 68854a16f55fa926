using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contradictions.Storage;
using Contradictions.Storage.Detection;

namespace Contradictions.Web.Tests;

/// <summary>Source reliability on the real server: <c>/sources</c> with its SVG chart, <c>GET /api/sources</c>, and both sides of a flag.</summary>
[Collection("server")]
public sealed partial class ReliabilityTests(ServerFixture server)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static void AssertInterval(JsonElement e)
    {
        var (low, estimate, high) = (e.GetProperty("low").GetDouble(), e.GetProperty("estimate").GetDouble(), e.GetProperty("high").GetDouble());
        Assert.True(0 <= low && low <= estimate && estimate <= high && high <= 1, $"{e}: {low} ≤ {estimate} ≤ {high}");
    }

    /// <summary>The SVG element with this id, as served.</summary>
    private static string Svg(string html, string id)
    {
        var start = html.IndexOf($"<svg class=\"interval-chart\" id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {id}");
        return html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length)];
    }

    [Fact]
    public async Task Sources_page_draws_one_interval_per_listed_source_in_a_server_side_svg()
    {
        using var client = server.Client();
        using var response = await client.GetAsync("/sources");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();

        var rows = SourceRow().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(rows);
        var chart = Svg(html, "sources-chart");
        Assert.Equal(rows.Count, Interval().Matches(chart).Count);
        Assert.Equal(rows.Count, Regex.Matches(chart, "<circle class=\"estimate\"").Count);
        Assert.DoesNotContain("style=", chart);
        Assert.DoesNotContain("<script", chart);
        // Every interval lies on the 0–1 axis (x from 300 to 740) with its dot between its ends.
        Assert.Equal(rows.Count, Row().Matches(chart).Count);
        foreach (Match m in Row().Matches(chart))
        {
            double X(int g) => double.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(300 <= X(1) && X(1) <= X(3) && X(3) <= X(2) && X(2) <= 740, m.Value);
        }

        var api = await GetJson(client, "/api/sources");
        Assert.Equal(rows, api.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()!));
        Assert.Contains(rows, r => r == "New York Post");
    }

    [Fact]
    public async Task Sources_api_gives_estimates_in_zero_one_with_low_estimate_high_and_filters()
    {
        using var client = server.Client();
        var all = await GetJson(client, "/api/sources?limit=1000");
        var sources = all.GetProperty("sources").EnumerateArray().ToList();

        Assert.NotEmpty(sources);
        Assert.Equal(all.GetProperty("total").GetInt32(), sources.Count);
        Assert.All(sources, AssertInterval);
        Assert.All(sources, s => Assert.InRange(s.GetProperty("prior").GetDouble(), 0, 1));
        var estimates = sources.Select(s => s.GetProperty("estimate").GetDouble()).ToList();
        Assert.Equal(estimates.OrderByDescending(e => e), estimates);
        Assert.True(sources.Single(s => s.GetProperty("name").GetString() == "New York Post").GetProperty("priorFromList").GetBoolean());

        var speakers = await GetJson(client, "/api/sources?kind=speaker&sort=evidence&limit=5");
        var listed = speakers.GetProperty("sources").EnumerateArray().ToList();
        Assert.InRange(listed.Count, 1, 5);
        Assert.All(listed, s => Assert.Equal("speaker", s.GetProperty("kind").GetString()));
        var evidence = listed.Select(s => s.GetProperty("evidence").GetProperty("effectiveEvidence").GetDouble()).ToList();
        Assert.Equal(evidence.OrderByDescending(e => e), evidence);
        using var bad = await client.GetAsync("/api/sources?kind=people");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Flag_api_and_page_give_both_sides_reliability_with_intervals()
    {
        using var client = server.Client();
        var id = (await GetJson(client, "/api/flags?pageSize=200")).GetProperty("items").EnumerateArray()
            .First(f => f.GetProperty("a").GetProperty("chain").GetArrayLength() > 0 && f.GetProperty("b").GetProperty("chain").GetArrayLength() > 0)
            .GetProperty("id").GetInt64();
        var reliability = (await GetJson(client, $"/api/flags/{id}")).GetProperty("reliability");

        foreach (var side in new[] { "a", "b" })
        {
            var s = reliability.GetProperty(side);
            AssertInterval(s);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("source").GetString()));
            Assert.All(s.GetProperty("sources").EnumerateArray(), AssertInterval);
        }
        Assert.InRange(reliability.GetProperty("probabilityARight").GetDouble(), 0, 1);
        Assert.Contains(reliability.GetProperty("likelierRight").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });

        var html = await client.GetStringAsync($"/flags/{id}");
        Assert.Contains("id=\"likelier\"", html);
        foreach (var side in new[] { "a", "b" })
        {
            var chart = Svg(html, $"reliability-{side}-chart");
            Assert.Equal(reliability.GetProperty(side).GetProperty("sources").GetArrayLength(), Interval().Matches(chart).Count);
            Assert.Contains(WebUtility.HtmlEncode(reliability.GetProperty(side).GetProperty("source").GetString()!), html);
        }
    }

    [Fact]
    public async Task A_verdict_through_the_api_moves_the_estimates_and_decides_the_likelier_side()
    {
        // A server of its own: the shared one's flags get verdicts from other tests in any order.
        var dir = Path.Combine(Path.GetTempPath(), "contradictions-web-rel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "own.db");
        try
        {
            using (var store = ClaimStore.Open(db)) new ScanService(store, server.Scorer).Scan([RepoRoot.File("data", "articles")]);
            var (app, address) = await ServerFixture.Start(new WebOptions { DbPath = db, Urls = "http://127.0.0.1:0", PriorsPath = ServerFixture.PriorsPath });
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };
            var flag = (await GetJson(client, "/api/flags?pageSize=200")).GetProperty("items").EnumerateArray().First(f =>
                f.GetProperty("b").GetProperty("text").GetString()!.Contains("later denied", StringComparison.Ordinal) &&
                f.GetProperty("a").GetProperty("text").GetString()!.Contains("Rustem Umerov told US officials", StringComparison.Ordinal));
            var id = flag.GetProperty("id").GetInt64();
            async Task<JsonElement> Umerov() => (await GetJson(client, "/api/sources?limit=1000")).GetProperty("sources").EnumerateArray()
                .Single(s => s.GetProperty("name").GetString() == "Rustem Umerov");
            var before = await Umerov();

            using (var posted = await client.PostAsJsonAsync($"/api/flags/{id}/verdicts", new { verdict = "b_right", reviewer = "ann", expectedVersion = 0 }))
                Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

            var after = await Umerov();
            Assert.True(after.GetProperty("estimate").GetDouble() < before.GetProperty("estimate").GetDouble(), $"{before} → {after}");
            Assert.Equal(1, after.GetProperty("evidence").GetProperty("rejectedByReviewers").GetInt32());
            var reliability = (await GetJson(client, $"/api/flags/{id}")).GetProperty("reliability");
            Assert.Equal("b", reliability.GetProperty("likelierRight").GetString());
            Assert.Equal("Ukrainian Ministry of Defense", reliability.GetProperty("b").GetProperty("source").GetString());
            Assert.Contains("More likely right: <strong>side B</strong>", await client.GetStringAsync($"/flags/{id}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [GeneratedRegex("<tr class=\"source-row\"><td>([^<]*)</td>")]
    private static partial Regex SourceRow();

    [GeneratedRegex("<line class=\"interval\"")]
    private static partial Regex Interval();

    [GeneratedRegex("<line class=\"interval\" x1=\"([0-9.]+)\" y1=\"[0-9.]+\" x2=\"([0-9.]+)\" y2=\"[0-9.]+\"></line><circle class=\"estimate\" cx=\"([0-9.]+)\"")]
    private static partial Regex Row();
}
