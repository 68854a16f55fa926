using Contradictions.Core.Claims;

namespace Contradictions.Core.Tests;

/// <summary>The acceptance items of issue 3 on the seed articles in data/articles.</summary>
public class ClaimExtractorSeedTests
{
    [Fact]
    public void Ninety_percent_claim_in_seed_002_runs_from_the_Post_through_the_official_to_Umerov()
    {
        var claim = TestArticles.Seed("002").Single(c => c.Text.Contains("“90%”", StringComparison.Ordinal));
        Assert.Equal(["New York Post", "senior Trump administration official", "Rustem Umerov"], TestArticles.Names(claim));
        Assert.Equal([LinkKind.Outlet, LinkKind.Anonymous, LinkKind.Person], claim.Chain.Select(l => l.Kind));
        Assert.True(claim.Chain[1].Anonymous);
        Assert.Equal(Polarity.Asserted, claim.Polarity);
        var number = Assert.Single(claim.Numbers);
        Assert.Equal(90, number.Value);
        Assert.Equal("%", number.Unit);
        Assert.Equal("Rustem Umerov", claim.Speaker!.Name);
    }

    [Fact]
    public void Denial_by_ministry_is_attributed_to_the_ministry()
    {
        var claim = TestArticles.Seed("000").Single(c => c.Text.StartsWith("The Ukrainian Ministry of Defense later denied", StringComparison.Ordinal));
        Assert.Equal("Ukrainian Ministry of Defense", claim.Speaker!.Name);
        Assert.Equal(LinkKind.Body, claim.Speaker.Kind);
        Assert.Equal("ukraine ministry of defense", claim.Speaker.Key);
        Assert.Equal(Polarity.Denied, claim.Polarity);
        Assert.Equal("denied", claim.Verb);
        Assert.Contains(claim.Numbers, n => n.Value == 90 && n.Unit == "%");
    }

    [Fact]
    public void Peskov_quote_in_seed_004_comes_via_RIA_Novosti()
    {
        var claim = TestArticles.Seed("004").Single(c => c.Text.Contains("a lot of fakes", StringComparison.Ordinal));
        // The article's own outlet (credited "Agencies via Xinhua") vouches for the whole chain.
        Assert.Equal(["Xinhua", "RIA Novosti", "Dmitry Peskov"], TestArticles.Names(claim));
        Assert.Equal(LinkKind.Outlet, claim.Chain[1].Kind);
        Assert.Equal(LinkKind.Person, claim.Chain[2].Kind);
        Assert.Contains("a lot of fakes are being published at the moment", claim.Quotes.Select(q => q.Text));
    }

    [Fact]
    public void Link_debris_and_footer_of_seed_003_produce_no_claims()
    {
        var claims = TestArticles.Seed("003");
        Assert.NotEmpty(claims);
        Assert.DoesNotContain(claims, c => c.Text.Contains("](", StringComparison.Ordinal) || c.Text.Contains("http", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Text.Contains("Post a Comment", StringComparison.Ordinal)
                                           || c.Text.Contains("Follow us", StringComparison.Ordinal)
                                           || c.Text.Contains("Donate", StringComparison.Ordinal)
                                           || c.Text.Contains("Contact form", StringComparison.Ordinal)
                                           || c.Text.Contains("Previous Post", StringComparison.Ordinal)
                                           || c.Text.Contains("visit News18", StringComparison.Ordinal));
    }

    [Fact]
    public void Credit_line_after_the_headline_attributes_the_headline()
    {
        var claims = TestArticles.Seed("000");
        var headline = claims[0];
        Assert.True(headline.IsHeadline);
        Assert.Equal(["Reuters", "sources"], TestArticles.Names(headline));
        Assert.DoesNotContain(claims, c => c.Text.StartsWith("Reuters reports this", StringComparison.Ordinal));
    }

    [Fact]
    public void Multi_sentence_quote_takes_the_attribution_at_its_end()
    {
        var claims = TestArticles.Seed("002");
        var first = claims.Single(c => c.Text.StartsWith("\"After this", StringComparison.Ordinal));
        Assert.Equal("senior Trump administration official", first.Speaker!.Name);
    }

    [Fact]
    public void The_publications_sources_resolve_to_the_last_outlet()
    {
        var claim = TestArticles.Seed("000").Single(c => c.Text.Contains("the publicationʼs sources said", StringComparison.Ordinal));
        Assert.Equal(["Reuters", "Bloomberg", "sources"], TestArticles.Names(claim));
    }

    [Fact]
    public void Claim_spans_point_at_the_original_text()
    {
        var file = Directory.GetFiles(RepoRoot.File("data", "articles"), "003_*.txt").Single();
        var text = File.ReadAllText(file);
        foreach (var claim in TestArticles.Seed("003"))
        {
            Assert.Equal(claim.Text, claim.Span.Slice(text));
        }
    }

    [Fact]
    public void Relative_dates_resolve_against_the_article_date()
    {
        var claim = TestArticles.Seed("000").Single(c => c.Text.StartsWith("The New York Post reported on April 19", StringComparison.Ordinal));
        Assert.Contains(claim.Dates, d => d.Date == new DateOnly(2025, 4, 19));
        Assert.Contains(claim.Dates, d => d.Text == "next week" && d.Date == new DateOnly(2025, 4, 28) && d.End == new DateOnly(2025, 5, 4));
    }

    /// <summary>A scan keeps every claim to its end: what a claim lacks is one shared empty array, not a list of its own.</summary>
    [Fact]
    public void Claims_hold_their_mentions_in_arrays_sharing_one_empty_array()
    {
        var claims = TestArticles.Seed("000");
        var plain = claims.First(c => c.Numbers.Count == 0 && c.Dates.Count == 0 && c.Quotes.Count == 0);
        Assert.Same(Array.Empty<NumberMention>(), plain.Numbers);
        Assert.Same(Array.Empty<DateMention>(), plain.Dates);
        Assert.Same(Array.Empty<QuoteSpan>(), plain.Quotes);
        Assert.All(claims, c => Assert.IsType<EntityMention[]>(c.Entities));
        Assert.Contains(claims, c => c.Entities.Count > 0);
    }
}

