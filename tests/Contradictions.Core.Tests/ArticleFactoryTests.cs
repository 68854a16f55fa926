using Contradictions.Core.Articles;

namespace Contradictions.Core.Tests;

public class ArticleFactoryTests
{
    [Fact]
    public void Date_prefix_gives_the_published_date()
    {
        var a = ArticleFactory.Create("a.txt", " date 2025-04-23 The minister resigned.\n\nReuters reports this, citing sources.");
        Assert.Equal(new DateOnly(2025, 4, 23), a.Published);
        Assert.Equal("Reuters", a.Outlet);
        Assert.Equal("The minister resigned.", a.Title);
    }

    [Fact]
    public void Outlet_from_url_domain_wins_over_text()
    {
        var a = ArticleFactory.Create("a", "Text. Reuters reports this.", new ArticleMetadata(Url: "https://www.nypost.com/2025/04/19/x"));
        Assert.Equal("New York Post", a.Outlet);
    }

    [Fact]
    public void Unknown_domain_is_used_as_the_outlet_name()
    {
        Assert.Equal("example-news.org", OutletDetector.FromUrl("https://www.example-news.org/a/b"));
    }

    [Fact]
    public void Agency_credit_line_names_the_outlet()
    {
        Assert.Equal("Xinhua", OutletDetector.FromText("Some story.\nMore text.\nAgencies via Xinhua"));
        Assert.Equal("New York Post", OutletDetector.FromText("Headline.\nThis is reported by the New York Post, citing an official."));
    }

    [Fact]
    public void Same_text_has_the_same_content_hash()
    {
        Assert.Equal(new Article("a", "same").ContentHash, new Article("b", "same").ContentHash);
        Assert.NotEqual(new Article("a", "same").ContentHash, new Article("a", "other").ContentHash);
        Assert.Equal(64, new Article("a", "x").ContentHash.Length);
    }
}
