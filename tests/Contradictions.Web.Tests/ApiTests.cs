using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contradictions.Storage;

namespace Contradictions.Web.Tests;

[Collection("server")]
public sealed class ApiTests(ServerFixture server)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    [Fact]
    public async Task Flags_are_listed_most_confident_first_and_paged()
    {
        using var client = server.Client();
        Assert.True(server.SeedFlags >= 2, $"the seeds should give at least two flags, got {server.SeedFlags}");
        var all = await GetJson(client, "/api/flags?pageSize=200");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.True(all.GetProperty("total").GetInt32() >= server.SeedFlags);
        var confidences = items.Select(i => i.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.OrderByDescending(c => c), confidences);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("a").GetProperty("text").GetString())));

        var page2 = await GetJson(client, "/api/flags?pageSize=1&page=2");
        Assert.Single(page2.GetProperty("items").EnumerateArray());
        Assert.Equal(items[1].GetProperty("id").GetInt64(), page2.GetProperty("items")[0].GetProperty("id").GetInt64());

        var min = confidences[0];
        var top = await GetJson(client, $"/api/flags?minConfidence={min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.All(top.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("confidence").GetDouble() >= min - 1e-6));

        var outlet = items.Select(i => i.GetProperty("a").GetProperty("outlet").GetString()).First(o => o is not null)!;
        var byOutlet = await GetJson(client, "/api/flags?pageSize=200&outlet=" + Uri.EscapeDataString(outlet));
        Assert.NotEmpty(byOutlet.GetProperty("items").EnumerateArray());
        Assert.All(byOutlet.GetProperty("items").EnumerateArray(), i =>
            Assert.True(i.GetProperty("a").GetProperty("outlet").GetString() == outlet || i.GetProperty("b").GetProperty("outlet").GetString() == outlet));

        var nothing = await GetJson(client, "/api/flags?subject=" + Uri.EscapeDataString("zzz no such words zzz"));
        Assert.Equal(0, nothing.GetProperty("total").GetInt32());

        using var bad = await client.GetAsync("/api/flags?status=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Flag_detail_has_both_sides_with_paragraph_chain_stance_and_cues()
    {
        using var client = server.Client();
        var id = (await GetJson(client, "/api/flags")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var detail = await GetJson(client, $"/api/flags/{id}");
        Assert.Equal(id, detail.GetProperty("id").GetInt64());
        foreach (var name in new[] { "a", "b" })
        {
            var side = detail.GetProperty(name);
            var text = side.GetProperty("side").GetProperty("text").GetString()!;
            var paragraph = side.GetProperty("paragraph").GetString()!;
            Assert.Contains(text.Trim()[..Math.Min(20, text.Trim().Length)], paragraph);
            int start = side.GetProperty("claimStart").GetInt32();
            Assert.InRange(start, 0, paragraph.Length);
            Assert.Equal(JsonValueKind.Array, side.GetProperty("side").GetProperty("chain").ValueKind);
            Assert.True(side.GetProperty("side").GetProperty("articleId").GetInt64() > 0);
        }
        var stance = detail.GetProperty("stanceBTowardsA");
        var sum = stance.GetProperty("agree").GetDouble() + stance.GetProperty("disagree").GetDouble() + stance.GetProperty("discuss").GetDouble() + stance.GetProperty("unrelated").GetDouble();
        Assert.InRange(sum, 0.5, 1.5);
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("cues").ValueKind);
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("verdicts").ValueKind);

        using var missing = await client.GetAsync("/api/flags/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Verdicts_keep_history_and_a_stale_version_gets_409_with_the_latest()
    {
        using var client = server.Client();
        var items = (await GetJson(client, "/api/flags?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        // The last flag: the browser test reviews the first.
        var id = items[^1].GetProperty("id").GetInt64();
        int version = (await GetJson(client, $"/api/flags/{id}")).GetProperty("version").GetInt32();

        using (var first = await client.PostAsJsonAsync($"/api/flags/{id}/verdicts", new { verdict = "a_right", reviewer = "ann", note = "checked the source", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        // Bob read the flag before Ann's verdict landed.
        using (var stale = await client.PostAsJsonAsync($"/api/flags/{id}/verdicts", new { verdict = "not_contradiction", reviewer = "bob", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var body = await stale.Content.ReadFromJsonAsync<JsonElement>(Json);
            Assert.Equal(version + 1, body.GetProperty("currentVersion").GetInt32());
            Assert.Equal("ann", body.GetProperty("latest").GetProperty("reviewer").GetString());
            Assert.Equal("a_right", body.GetProperty("latest").GetProperty("verdict").GetString());
            Assert.True(body.GetProperty("latest").TryGetProperty("createdAt", out _));
        }
        using (var second = await client.PostAsJsonAsync($"/api/flags/{id}/verdicts", new { verdict = "b_right", reviewer = "bob", expectedVersion = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }
        var detail = await GetJson(client, $"/api/flags/{id}");
        Assert.Equal("b_right", detail.GetProperty("status").GetString());
        Assert.Equal(version + 2, detail.GetProperty("version").GetInt32());
        var history = detail.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(["a_right", "b_right"], history.TakeLast(2).Select(v => v.GetProperty("verdict").GetString()));
        Assert.Equal("checked the source", history[^2].GetProperty("note").GetString());

        var reviewed = await GetJson(client, "/api/flags?pageSize=200&status=b_right");
        Assert.Contains(reviewed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        var unreviewed = await GetJson(client, "/api/flags?pageSize=200&status=unreviewed");
        Assert.DoesNotContain(unreviewed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Simultaneous_verdicts_on_one_version_give_one_201_and_the_rest_409()
    {
        using var client = server.Client();
        var items = (await GetJson(client, "/api/flags?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var id = items[Math.Max(0, items.Count / 2 - 1)].GetProperty("id").GetInt64();
        int version = (await GetJson(client, $"/api/flags/{id}")).GetProperty("version").GetInt32();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PostAsJsonAsync($"/api/flags/{id}/verdicts", new { verdict = VerdictKinds.All[i % 5], reviewer = $"r{i}", expectedVersion = version })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var r in responses) r.Dispose();
        Assert.Equal(version + 1, (await GetJson(client, $"/api/flags/{id}")).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"verdict":"maybe","reviewer":"ann","expectedVersion":0}""")]
    [InlineData("""{"verdict":"a_right","reviewer":"","expectedVersion":0}""")]
    [InlineData("""{"verdict":"a_right","reviewer":"ann"}""")]
    public async Task Invalid_verdicts_are_rejected(string body)
    {
        using var client = server.Client();
        var id = (await GetJson(client, "/api/flags")).GetProperty("items")[0].GetProperty("id").GetInt64();
        using var response = await client.PostAsync($"/api/flags/{id}/verdicts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Posted_article_is_ingested_and_shown_with_its_claims()
    {
        using var client = server.Client();
        var input = new
        {
            id = "api-test-1",
            outlet = "Test Wire",
            published = "2025-04-24",
            title = "Rubio denies pulling out",
            body = "US Secretary of State Marco Rubio did not pull out of the London talks on Ukraine, the State Department said.\n\nThe talks will go ahead on April 23, a spokesperson said.",
        };
        using var response = await client.PostAsJsonAsync("/api/articles", input);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var articleId = added.GetProperty("articleId").GetInt64();
        Assert.True(added.GetProperty("claims").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Array, added.GetProperty("flags").ValueKind);

        var article = await GetJson(client, $"/api/articles/{articleId}");
        Assert.Equal("Test Wire", article.GetProperty("outlet").GetString());
        Assert.Equal("2025-04-24", article.GetProperty("published").GetString());
        Assert.NotEmpty(article.GetProperty("claims").EnumerateArray());

        using var again = await client.PostAsJsonAsync("/api/articles", input);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(second.GetProperty("alreadyStored").GetBoolean());
        Assert.Equal(articleId, second.GetProperty("articleId").GetInt64());

        using var empty = await client.PostAsJsonAsync("/api/articles", new { id = "x", body = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        using var client = server.Client();
        var doc = await GetJson(client, "/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/flags", "/api/flags/{id}", "/api/flags/{id}/verdicts", "/api/articles/{id}", "/api/articles" })
            Assert.True(paths.TryGetProperty(p, out _), p);
    }

    [Fact]
    public void Verdict_store_rejects_unknown_verdicts_and_missing_flags()
    {
        using var store = ClaimStore.Open(server.DbPath);
        Assert.Throws<ArgumentException>(() => store.AddVerdict(1, "maybe", "ann", null, 0));
        Assert.Equal(VerdictOutcome.FlagNotFound, store.AddVerdict(999_999, "a_right", "ann", null, 0).Outcome);
    }
}
