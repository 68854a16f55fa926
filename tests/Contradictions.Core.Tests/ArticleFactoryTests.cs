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

    [Fact]
    public void The_content_hash_is_the_SHA_256_of_the_whole_text_in_UTF_8_however_long()
    {
        // Multi-byte characters and a surrogate pair across the points where the text is hashed a part at a time,
        // lone surrogates (encoded as U+FFFD), and an empty text.
        var pair = char.ConvertFromUtf32(0x1F30D);
        var texts = new List<string>
        {
            "", "Kyiv – «90%» supports", new string('a', 2_047) + pair + "b", new string('é', 5_000) + pair,
            "x\uD800y" + new string('z', 2_046) + "\uDBFF", string.Concat(Enumerable.Repeat("Київ 🌍 agreed. ", 900)),
            // A pair or a lone high surrogate held over into a part of three-byte characters: the most bytes a part makes.
            new string('a', 2_047) + pair + new string('中', 2_047), new string('a', 2_047) + "\uD800" + new string('中', 2_048),
        };
        foreach (var text in texts)
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
            Assert.Equal(expected, Article.ComputeHash(text));
        }
    }
}
