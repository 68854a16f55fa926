using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contradictions.Web.Tests;

[Collection("server")]
public sealed partial class SecurityAndPageTests(ServerFixture server)
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:5000")]
    [InlineData("http://192.168.1.10:5000")]
    [InlineData("http://127.0.0.1:0;http://example.com:80")]
    public void Listening_off_loopback_without_a_token_is_refused(string urls)
    {
        var e = Assert.Throws<WebConfigurationException>(() => WebApp.Build(new WebOptions { DbPath = server.DbPath, Urls = urls }));
        Assert.Contains("without a token", e.Message);
    }

    [Theory]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("")]
    public void Only_plain_http_addresses_are_accepted(string urls)
    {
        Assert.Throws<WebConfigurationException>(() => WebApp.Build(new WebOptions { DbPath = server.DbPath, Urls = urls }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:0")]
    [InlineData("http://[::1]:0")]
    public void Loopback_needs_no_token(string urls)
    {
        Assert.All(WebApp.ParseUrls(urls), u => Assert.True(WebApp.IsLoopback(u)));
    }

    [Fact]
    public async Task Off_loopback_with_a_token_builds()
    {
        await using var app = WebApp.Build(new WebOptions { DbPath = server.DbPath, Urls = "http://0.0.0.0:0", Token = "s3cret" });
        Assert.NotNull(app);
    }

    [Fact]
    public async Task With_a_token_every_request_needs_it_by_header_or_cookie()
    {
        var (app, address) = await ServerFixture.Start(new WebOptions { DbPath = server.DbPath, Urls = "http://127.0.0.1:0", Token = "s3cret" });
        await using var _ = app;
        using (var anonymous = new HttpClient { BaseAddress = address })
        {
            foreach (var path in new[] { "/", "/api/flags", "/openapi/v1.json", "/assets/app.js", "/flags/1" })
            {
                using var response = await anonymous.GetAsync(path);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/flags");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nope");
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
            using var post = await anonymous.PostAsJsonAsync("/api/flags/1/verdicts", new { verdict = "a_right", reviewer = "eve", expectedVersion = 0 });
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        }
        using (var bearer = new HttpClient { BaseAddress = address })
        {
            bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
            Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/flags")).StatusCode);
        }
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var browser = new HttpClient(handler) { BaseAddress = address };
        using (var first = await browser.GetAsync("/?token=s3cret"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.DoesNotContain("token", first.RequestMessage!.RequestUri!.Query);
        }
        using (var kept = await browser.GetAsync("/?status=unreviewed&token=s3cret"))
        {
            Assert.Equal("?status=unreviewed", kept.RequestMessage!.RequestUri!.Query);
        }
        var cookie = cookies.GetCookies(address)[WebApp.TokenCookie];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/flags")).StatusCode);
    }

    [Fact]
    public async Task Article_html_is_encoded_everywhere()
    {
        using var client = server.Client();
        const string script = "<script>alert(1)</script>";
        const string img = "<img src=x onerror=alert(1)>";
        var input = new
        {
            id = "xss-article",
            outlet = "Evil <b>Outlet</b>",
            published = "2025-04-25",
            title = "Title " + script,
            body = $"Marco Rubio said the London talks on Ukraine were cancelled {script} on April 23.\n\nThe State Department denied that Rubio pulled out {img} of the talks.",
        };
        using var response = await client.PostAsJsonAsync("/api/articles", input);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("articleId").GetInt64();

        var pages = new List<string> { $"/articles/{id}", "/sources", "/?outlet=Evil" };
        foreach (var flag in added.GetProperty("flags").EnumerateArray()) pages.Add($"/flags/{flag.GetProperty("id").GetInt64()}");
        foreach (var path in pages)
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain(script, html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b>Outlet</b>", html);
        }
        var article = await client.GetStringAsync($"/articles/{id}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", article);
        Assert.Contains("Evil &lt;b&gt;Outlet&lt;/b&gt;", article);
        Assert.Contains("class=\"claim-mark\"", article);
        Assert.Single(ScriptTag().Matches(article));
    }

    [Fact]
    public async Task Pages_render_with_local_assets_and_a_restrictive_policy()
    {
        using var client = server.Client();
        using var queue = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("default-src 'self'", queue.Headers.GetValues("Content-Security-Policy").Single());
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Contains("data-href=\"/flags/", html);
        Assert.DoesNotContain("http://", html.Replace(server.BaseAddress.ToString(), ""));
        Assert.DoesNotContain("https://", html);
        Assert.Contains("j/k", await client.GetStringAsync("/assets/app.js"));
        Assert.Contains("tr.selected", await client.GetStringAsync("/assets/app.css"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/nope.exe")).StatusCode);

        var id = FlagLink().Match(html).Groups[1].Value;
        var flag = await client.GetStringAsync($"/flags/{id}");
        Assert.Contains("__RequestVerificationToken", flag);
        Assert.Contains("data-key=\"5\"", flag);
        Assert.Contains("class=\"claim\"", flag);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/flags/999999")).StatusCode);
    }

    [Fact]
    public async Task Form_verdict_needs_the_antiforgery_token_and_reports_conflicts()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var list = await client.GetFromJsonAsync<JsonElement>("/api/flags?pageSize=200");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var id = items[items.Count / 2].GetProperty("id").GetInt64();

        using (var forged = await client.PostAsync($"/flags/{id}/verdict", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["verdict"] = "a_right", ["reviewer"] = "eve", ["expectedVersion"] = "0",
        })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var page = await client.GetStringAsync($"/flags/{id}");
        var token = TokenField().Match(page).Groups[1].Value;
        var version = VersionField().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["verdict"] = "unresolved", ["reviewer"] = "carol", ["note"] = "needs a call", ["expectedVersion"] = version,
        };
        using (var ok = await client.PostAsync($"/flags/{id}/verdict", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using (var stale = await client.PostAsync($"/flags/{id}/verdict", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Contains("carol", html);
            Assert.Contains("unresolved", html);
        }
        var after = await client.GetStringAsync($"/flags/{id}");
        Assert.Contains("needs a call", after);
    }

    [GeneratedRegex("<script")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("data-href=\"/flags/(\\d+)\"")]
    private static partial Regex FlagLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"expectedVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
