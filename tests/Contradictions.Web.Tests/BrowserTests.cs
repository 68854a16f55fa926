using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Contradictions.Web.Tests;

/// <summary>End to end in headless Chromium (installed by .ci/install): keyboard review of the top flag.</summary>
[Collection("server")]
public sealed class BrowserTests(ServerFixture server)
{
    [Fact]
    public async Task Queue_Enter_opens_the_top_flag_and_key_2_records_a_verdict_that_survives_reload()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text + " " + m.Location); };

        await page.GotoAsync(new Uri(server.BaseAddress, "/").ToString());
        var first = page.Locator("tr[data-href]").First;
        await Assertions.Expect(first).ToHaveClassAsync("selected");
        var href = await first.GetAttributeAsync("data-href");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("tr[data-href]").Nth(1)).ToHaveClassAsync("selected");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(first).ToHaveClassAsync("selected");

        await page.Keyboard.PressAsync("Enter");
        var flagUrl = new Regex(Regex.Escape(href!) + "$");
        await Assertions.Expect(page).ToHaveURLAsync(flagUrl);
        await page.FillAsync("#reviewer", "dana");
        await page.Locator("h1").ClickAsync(); // leave the field so the keys go to the page
        await page.Keyboard.PressAsync("2");
        await Assertions.Expect(page).ToHaveURLAsync(flagUrl);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("b_right");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("b_right");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("dana");
        Assert.Equal("dana", await page.InputValueAsync("#reviewer")); // remembered in localStorage
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Hostile_article_text_runs_no_script_in_the_browser()
    {
        using var client = server.Client();
        using var posted = await client.PostAsJsonAsync("/api/articles", new
        {
            id = "browser-xss",
            outlet = "<img src=x onerror=alert(2)>",
            title = "<script>alert(3)</script>",
            body = "Officials said the ceasefire talks <script>alert(1)</script> collapsed on Monday.\n\nThe envoy denied the talks collapsed <img src=x onerror=alert(1)> at all.",
        });
        posted.EnsureSuccessStatusCode();
        var articleId = (await posted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("articleId").GetInt64();

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await page.GotoAsync(new Uri(server.BaseAddress, $"/articles/{articleId}").ToString());
        await Assertions.Expect(page.Locator("pre.article")).ToContainTextAsync("<script>alert(1)</script>");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("<script>alert(3)</script>");
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await page.GotoAsync(new Uri(server.BaseAddress, "/sources").ToString());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("<img src=x onerror=alert(2)>");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task With_a_token_the_browser_logs_in_once_by_link_and_can_review()
    {
        var (app, address) = await ServerFixture.Start(new WebOptions { DbPath = server.DbPath, Urls = "http://127.0.0.1:0", Token = "t0ken" });
        await using var _ = app;
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        var denied = await page.GotoAsync(new Uri(address, "/").ToString());
        Assert.Equal(401, denied!.Status);

        await page.GotoAsync(new Uri(address, "/?token=t0ken").ToString());
        Assert.DoesNotContain("token", page.Url);
        await page.Locator("tr[data-href]").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict-form")).ToBeVisibleAsync();
        var before = await page.Locator("#status").TextContentAsync();
        await page.FillAsync("#note", "checked by phone");
        await page.ClickAsync("button[data-key='5']");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("different_subjects");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("checked by phone");
        Assert.NotNull(before);
    }
}
