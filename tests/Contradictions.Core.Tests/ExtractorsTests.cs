using Contradictions.Core.Text;
using Contradictions.Tests.Shared;
using Contradictions.Core.Claims;

namespace Contradictions.Core.Tests;

public class NumberExtractorTests
{
    [Fact]
    public void Percentages_units_and_scales_are_read_with_what_they_quantify()
    {
        var n = NumberExtractor.Extract("Kyiv “90%” supports the plan, a 30-day truce, $5 billion in aid and 1,200 troops.");
        Assert.Contains(n, x => x.Value == 90 && x.Unit == "%" && x.Quantifies == "supports the plan");
        Assert.Contains(n, x => x.Value == 30 && x.Unit == "day" && x.Quantifies == "truce");
        Assert.Contains(n, x => x.Value == 5 && x.Unit == "USD billion");
        Assert.Contains(n, x => x.Value == 1200 && x.Quantifies == "troops");
    }

    [Fact]
    public void Years_and_days_of_month_are_not_numbers()
    {
        Assert.Empty(NumberExtractor.Extract("The invasion of 2022 began on February 24 and ended 3 March."));
    }

    [Fact]
    public void Percent_written_as_a_word()
    {
        Assert.Contains(NumberExtractor.Extract("Support fell to 41.5 percent of voters."), x => x.Value == 41.5 && x.Unit == "%" && x.Quantifies == "of voters");
    }
}

public class DateExtractorTests
{
    private static readonly DateOnly Wednesday = new(2025, 4, 23);

    [Theory]
    [InlineData("on Wednesday", 2025, 4, 23)]
    [InlineData("on Monday", 2025, 4, 21)]
    [InlineData("yesterday", 2025, 4, 22)]
    [InlineData("on April 17", 2025, 4, 17)]
    [InlineData("on 17 April 2024", 2024, 4, 17)]
    [InlineData("three days ago", 2025, 4, 20)]
    public void Dates_resolve_against_the_article_date(string phrase, int y, int m, int d)
    {
        var date = Assert.Single(DateExtractor.Extract($"Talks were held {phrase} in London.", Wednesday));
        Assert.Equal(new DateOnly(y, m, d), date.Date);
    }

    [Fact]
    public void Last_week_is_a_monday_to_sunday_range()
    {
        var date = Assert.Single(DateExtractor.Extract("They met last week.", Wednesday));
        Assert.Equal(new DateOnly(2025, 4, 14), date.Date);
        Assert.Equal(new DateOnly(2025, 4, 20), date.End);
        Assert.True(date.Relative);
    }

    [Fact]
    public void Relative_dates_without_an_article_date_stay_unresolved()
    {
        var date = Assert.Single(DateExtractor.Extract("They met last week.", null));
        Assert.Null(date.Date);
    }

    [Fact]
    public void Modal_may_is_not_a_month()
    {
        Assert.Empty(DateExtractor.Extract("The US may soon abandon these efforts.", Wednesday));
    }

    [Theory]
    [InlineData("The talks opened on 2025-04-23 in Paris.")]
    [InlineData("He spoke on Sept. 5, 2024.")]
    [InlineData("Support fell to 41.5 percent, and then rose 3 days ago.")]
    [InlineData("They met this evening.")]
    [InlineData("The decision was announced on ٢٠٢٥-٠٤-٢٣.")]
    [InlineData("The market closed on ２０２５-０４-２３.")]
    public void Sentences_with_a_date_pass_the_cue_check(string sentence)
    {
        Assert.True(DateExtractor.PatternMatches(sentence));
        Assert.NotEmpty(DateExtractor.Extract(sentence, Wednesday));
    }

    [Fact]
    public void Numbers_without_a_date_word_skip_the_pattern()
    {
        Assert.False(DateExtractor.MayHoldDate("Support fell to 41.5 percent of 1,200 voters."));
        Assert.Empty(DateExtractor.Extract("Support fell to 41.5 percent of 1,200 voters.", Wednesday));
    }

    /// <summary>The cue check may only skip sentences the pattern cannot match: every sentence of the FNC-1 bodies.</summary>
    [Fact]
    public void Cue_check_never_skips_a_dated_sentence_of_the_fnc_bodies()
    {
        var text = File.ReadAllText(RepoRoot.File("data", "fnc-1", "train_bodies.csv"));
        int dated = 0, skipped = 0;
        foreach (var span in SentenceSplitter.Split(text))
        {
            var sentence = text.Substring(span.Start, span.Length);
            bool matches = DateExtractor.PatternMatches(sentence);
            bool passes = DateExtractor.MayHoldDate(sentence);
            Assert.False(matches && !passes, sentence);
            if (matches) dated++;
            if (!passes) skipped++;
        }
        Assert.True(dated > 1_000, $"only {dated} dated sentences");
        Assert.True(skipped > 10_000, $"only {skipped} sentences skipped");
    }
}

public class EntityNormalizerTests
{
    [Theory]
    [InlineData("Ukrainian Ministry of Defense")]
    [InlineData("the Ministry of Defence of Ukraine")]
    [InlineData("Ukraine's defence ministry")]
    [InlineData("Ukraineʼs Defense Ministry")]
    public void Ministry_spellings_share_one_key(string name)
    {
        Assert.Equal("ukraine ministry of defense", EntityNormalizer.Key(name));
    }

    [Theory]
    [InlineData("U.S.", "united states")]
    [InlineData("American", "united states")]
    [InlineData("Great Britain", "united kingdom")]
    [InlineData("The Kremlin", "kremlin")]
    [InlineData("the New York Post", "new york post")]
    public void Aliases_and_demonyms_normalise(string name, string key)
    {
        Assert.Equal(key, EntityNormalizer.Key(name));
    }

    [Theory]
    [InlineData("  (Kyiv’s  “Centre”) ", "kyiv 's center")]
    [InlineData("-Naftogaz-; ‘Gazprom’", "naftogaz gazprom")]
    [InlineData("The\tOrganisation\nof Defence", "organization of defense")]
    [InlineData("the", "the")]
    [InlineData(" ,;: ", "")]
    [InlineData("", "")]
    public void Separators_edges_possessives_and_spellings_normalise(string name, string key)
    {
        Assert.Equal(key, EntityNormalizer.Key(name));
    }

    [Fact]
    public void A_word_longer_than_the_buffer_is_kept_whole()
    {
        Assert.Equal(new string('a', 300) + " fund", EntityNormalizer.Key("'" + new string('A', 300) + "'s Fund").Replace(" 's", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_of_a_claim_have_kinds_and_keys()
    {
        var c = TestArticles.Single("US Secretary of State Marco Rubio met the Ukrainian Ministry of Defense in Paris.");
        Assert.Contains(c.Entities, e => e.Kind == EntityKind.Person && e.Key == "marco rubio");
        Assert.Contains(c.Entities, e => e.Kind == EntityKind.Organisation && e.Key == "ukraine ministry of defense");
        Assert.Contains(c.Entities, e => e.Kind == EntityKind.Place && e.Key == "paris");
    }
}
