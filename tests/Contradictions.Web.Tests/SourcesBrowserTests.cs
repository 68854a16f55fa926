using Microsoft.Playwright;

namespace Contradictions.Web.Tests;

/// <summary>The sources chart in headless Chromium under the app's Content-Security-Policy.</summary>
[Collection("server")]
public sealed class SourcesBrowserTests(ServerFixture server)
{
    [Fact]
    public async Task Sources_chart_renders_styled_under_the_csp_with_one_bar_per_row_and_no_errors()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text + " " + m.Location); };

        await page.GotoAsync(new Uri(server.BaseAddress, "/sources?kind=outlet").ToString());
        var bars = page.Locator("svg#sources-chart line.interval");
        // A horizontal line has no height, so Playwright calls it hidden: wait for the chart itself.
        await Assertions.Expect(page.Locator("svg#sources-chart")).ToBeVisibleAsync();
        var rows = await page.Locator("table#sources tr.source-row").CountAsync();
        Assert.True(rows > 0);
        Assert.Equal(rows, await bars.CountAsync());
        // The stylesheet reached the SVG (a CSP refusing it would leave the bars unstroked and log an error).
        var stroke = await bars.First.EvaluateAsync<string>("e => getComputedStyle(e).stroke");
        Assert.Equal("rgb(74, 120, 181)", stroke);
        var box = await page.Locator("svg#sources-chart").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= rows * 20, $"chart height {box.Height} for {rows} rows");
        Assert.Empty(errors);
    }
}
