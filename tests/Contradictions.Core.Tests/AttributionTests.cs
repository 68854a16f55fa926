using Contradictions.Core.Claims;
using Contradictions.Core.Text;
using Contradictions.Tests.Shared;
using static Contradictions.Core.Tests.TestArticles;

namespace Contradictions.Core.Tests;

/// <summary>Chain rules on sentences written for these tests, in the phrasings English news uses.</summary>
public class AttributionTests
{
    [Fact]
    public void Subject_said_names_the_speaker()
    {
        var c = Single("Finance Minister Anna Kowalska said the budget deficit would shrink to 3% next year.");
        Assert.Equal([Outlet, "Anna Kowalska"], Names(c));
        Assert.Equal("said", c.Verb);
        Assert.Equal(LinkKind.Person, c.Speaker!.Kind);
        Assert.Equal(Polarity.Asserted, c.Polarity);
    }

    [Fact]
    public void Inverted_said_after_a_quote_names_the_speaker()
    {
        var c = Single("“We will not retreat,” said General Oleh Petrenko.");
        Assert.Equal([Outlet, "Oleh Petrenko"], Names(c));
        Assert.Equal("We will not retreat,", Assert.Single(c.Quotes).Text);
    }

    [Fact]
    public void Inverted_says_with_a_role_before_the_name()
    {
        var c = Single("Prices will keep rising, says economist Maria Lopez.");
        Assert.Equal([Outlet, "Maria Lopez"], Names(c));
    }

    [Fact]
    public void According_to_a_ministry_normalises_its_key()
    {
        var c = Single("The factory was closed in March, according to the Interior Ministry of Poland.");
        Assert.Equal(LinkKind.Body, c.Speaker!.Kind);
        Assert.Equal("poland ministry of interior", c.Speaker.Key);
        Assert.Equal("according to", c.Verb);
    }

    [Fact]
    public void Told_an_outlet_puts_the_outlet_before_the_anonymous_speaker()
    {
        var c = Single("A senior EU official told Politico that the summit would be postponed.");
        Assert.Equal([Outlet, "Politico", "senior EU official"], Names(c));
        Assert.True(c.Speaker!.Anonymous);
    }

    [Fact]
    public void Citing_inside_commas_adds_the_cited_source_inside_the_reporter()
    {
        var c = Single("The Wall Street Journal, citing people familiar with the matter, reported that the deal was signed.");
        Assert.Equal([Outlet, "Wall Street Journal", "people familiar with the matter"], Names(c));
        Assert.Equal(LinkKind.Anonymous, c.Speaker!.Kind);
    }

    [Fact]
    public void Quoted_by_an_outlet_as_saying()
    {
        var c = Single("Defence Minister Ben Wallace was quoted by the BBC as saying that troops would stay.");
        Assert.Equal([Outlet, "BBC", "Ben Wallace"], Names(c));
    }

    [Fact]
    public void Sources_familiar_with_the_matter_are_anonymous()
    {
        var c = Single("Sources familiar with the matter said the talks had collapsed.");
        Assert.True(c.Speaker!.Anonymous);
        Assert.Equal(LinkKind.Anonymous, c.Speaker.Kind);
    }

    [Fact]
    public void Trailing_officials_said_is_anonymous()
    {
        var c = Single("The bridge was destroyed overnight, local officials said.");
        Assert.Equal([Outlet, "local officials"], Names(c));
        Assert.True(c.Speaker!.Anonymous);
    }

    [Fact]
    public void Counted_diplomats_are_anonymous()
    {
        var c = Single("Three European diplomats said the proposal was unacceptable.");
        Assert.Equal("Three European diplomats", c.Speaker!.Name);
        Assert.True(c.Speaker.Anonymous);
    }

    [Fact]
    public void Denied_reports_is_a_denial()
    {
        var c = Single("The Kremlin denied reports that the president was ill.");
        Assert.Equal(Polarity.Denied, c.Polarity);
        Assert.Equal("Kremlin", c.Speaker!.Name);
        Assert.Equal(LinkKind.Body, c.Speaker.Kind);
    }

    [Fact]
    public void Did_not_confirm_is_hedged()
    {
        var c = Single("The Pentagon did not confirm the strike.");
        Assert.Equal(Polarity.Hedged, c.Polarity);
        Assert.Equal("Pentagon", c.Speaker!.Name);
    }

    [Theory]
    [InlineData("The minister may resign before the end of the month.")]
    [InlineData("The general reportedly ordered the retreat from the city.")]
    [InlineData("The company allegedly paid bribes to customs officials.")]
    public void Hedge_words_make_a_claim_hedged(string sentence)
    {
        Assert.Equal(Polarity.Hedged, Single(sentence).Polarity);
    }

    [Fact]
    public void Questions_are_questions()
    {
        Assert.Equal(Polarity.Question, Single("Is the government hiding the true number of casualties?").Polarity);
    }

    [Fact]
    public void Unattributed_sentence_is_asserted_by_the_outlet()
    {
        var c = Single("Fighting continued in the east of the country on Tuesday.");
        Assert.Equal([Outlet], Names(c));
        Assert.Null(c.Verb);
    }

    [Fact]
    public void Verb_inside_the_content_does_not_steal_the_attribution()
    {
        var c = Single("The talks stalled just days after the president warned that sanctions would follow.");
        Assert.Equal([Outlet], Names(c));
    }

    [Fact]
    public void According_to_in_the_middle_of_a_sentence()
    {
        var c = Single("The army, according to a spokesman, lost two tanks near the border.");
        Assert.Equal([Outlet, "spokesman"], Names(c));
        Assert.True(c.Speaker!.Anonymous);
    }

    [Fact]
    public void He_resolves_to_the_last_named_speaker()
    {
        var claims = TestArticles.Claims("Headline goes right here today.\nForeign Minister Jan Novak said talks would resume. He added that no date had been set.");
        Assert.Equal("Jan Novak", claims[^1].Speaker!.Name);
        Assert.Equal("added", claims[^1].Verb);
    }

    [Fact]
    public void The_publication_resolves_to_the_last_outlet()
    {
        var claims = TestArticles.Claims("Headline goes right here today.\nThe Guardian reported that the vote was delayed. According to the publication, ministers requested the delay.");
        Assert.Equal([Outlet, "Guardian"], Names(claims[^1]));
        Assert.Equal(LinkKind.Outlet, claims[^1].Speaker!.Kind);
    }

    [Fact]
    public void The_official_resolves_to_the_last_anonymous_source()
    {
        var claims = TestArticles.Claims("Headline goes right here today.\nAn Israeli official said the operation was over. The official said troops had withdrawn.");
        Assert.Equal("Israeli official", claims[^1].Speaker!.Name);
        Assert.True(claims[^1].Speaker!.Anonymous);
    }

    [Fact]
    public void Lone_surname_resolves_to_the_full_name()
    {
        var claims = TestArticles.Claims("Headline goes right here today.\nKremlin spokesman Dmitry Peskov spoke to reporters. Peskov said the talks were useful.");
        Assert.Equal("Dmitry Peskov", claims[^1].Speaker!.Name);
        Assert.Equal("dmitry peskov", claims[^1].Speaker!.Key);
    }

    [Fact]
    public void Credit_line_attributes_the_headline_and_is_not_a_claim()
    {
        var claims = TestArticles.Claims("Oil prices rose sharply on Monday.\nCNN reports this, citing analysts.", outlet: null);
        var headline = Assert.Single(claims);
        Assert.Equal(["CNN", "analysts"], Names(headline));
    }

    [Fact]
    public void Without_an_outlet_the_chain_starts_with_the_speaker()
    {
        var c = Single("The White House has confirmed the visit.", outlet: null);
        Assert.Equal(["White House"], Names(c));
        Assert.Equal("confirmed", c.Verb);
    }

    [Fact]
    public void Parenthetical_between_subject_and_verb_is_skipped()
    {
        var c = Single("Vice-President JD Vance, during a visit to India, told reporters the offer was final.");
        Assert.Equal([Outlet, "JD Vance"], Names(c));
    }

    [Fact]
    public void Outlet_reporting_at_the_end_is_the_outer_link()
    {
        var c = Single("Residents reported hearing a loud boom near the airport, the Associated Press reports.");
        Assert.Equal([Outlet, "Associated Press", "Residents"], Names(c));
    }

    [Fact]
    public void Capitalised_outlet_before_reports_is_a_reporter_not_a_noun_phrase()
    {
        var c = Single("The asteroid skimmed the Earth this weekend, ABC News reports.");
        Assert.Equal([Outlet, "ABC News"], Names(c));
    }

    [Fact]
    public void Rest_of_a_quote_keeps_the_speaker_of_its_first_sentence()
    {
        var claims = TestArticles.Claims("Headline goes right here today.\nAdviser Wilfried Strauch said it was \"very strange that nobody saw it. We have to ask if anyone has a photo.\"");
        Assert.Equal("Wilfried Strauch", claims[^1].Speaker!.Name);
    }

    [Fact]
    public void Headline_colon_names_the_speaker()
    {
        var claims = TestArticles.Claims("Kremlin: parties need to narrow down their differences\nMore text follows here today.");
        Assert.Equal([Outlet, "Kremlin"], Names(claims[0]));
        Assert.Equal(LinkKind.Body, claims[0].Speaker!.Kind);
    }

    [Fact]
    public void Passive_denial_by_an_institution()
    {
        var c = Single("The claims were dismissed by the Pentagon as false.");
        Assert.Equal([Outlet, "Pentagon"], Names(c));
        Assert.Equal(Polarity.Denied, c.Polarity);
    }

    [Fact]
    public void Officials_told_an_outlet_with_a_day_in_between()
    {
        var c = Single("Officials in Kyiv told CNN on Monday that the strike hit a school.");
        Assert.Equal([Outlet, "CNN", "Officials in Kyiv"], Names(c));
        Assert.True(c.Speaker!.Anonymous);
    }

    [Fact]
    public void Possessive_ministry_name_normalises_its_key()
    {
        var c = Single("Britain's defence ministry said Russian forces had advanced.");
        Assert.Equal("united kingdom ministry of defense", c.Speaker!.Key);
    }

    /// <summary>The cue check before the meta-sentence pattern may only skip sentences the pattern cannot match.</summary>
    [Fact]
    public void Meta_cue_check_never_skips_a_credit_sentence()
    {
        string[] crafted = ["CNN reports this, citing analysts.", "This was reported by the Kyiv Independent.", "It has been stated by the ministry, citing a source.",
            "Reuters wrote about it.", "The Times says so.", "It was written by Interfax.", "This is said by the ministry.", "TASS informs about this."];
        foreach (var sentence in crafted)
        {
            Assert.True(ClaimExtractor.MetaPatternMatches(sentence), sentence);
            Assert.True(ClaimExtractor.MayBeMeta(sentence), sentence);
        }
        var text = File.ReadAllText(RepoRoot.File("data", "fnc-1", "train_bodies.csv"));
        int skipped = 0, sentences = 0;
        foreach (var line in text.Split('\n'))
        {
            foreach (var span in SentenceSplitter.Split(line))
            {
                var sentence = line.Substring(span.Start, span.Length);
                bool passes = ClaimExtractor.MayBeMeta(sentence);
                Assert.False(ClaimExtractor.MetaPatternMatches(sentence) && !passes, sentence);
                sentences++;
                if (!passes) skipped++;
            }
        }
        Assert.True(skipped > sentences * 9 / 10, $"{skipped} of {sentences} skipped");
    }
}

