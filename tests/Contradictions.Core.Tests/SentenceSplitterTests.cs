using Contradictions.Core.Text;

namespace Contradictions.Core.Tests;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => s.Slice(text)).ToArray();

    [Fact]
    public void Splits_plain_sentences_and_keeps_spans_in_the_text()
    {
        var text = "The talks failed. Both sides left!  Will they return?";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(["The talks failed.", "Both sides left!", "Will they return?"], spans.Select(s => s.Slice(text)));
        Assert.Equal(18, spans[1].Start);
    }

    [Theory]
    [InlineData("Mr. Smith met Dr. Jones on Jan. 5 in Washington.")]
    [InlineData("The U.S. proposals were rejected by Kyiv.")]
    [InlineData("J. R. Smith arrived late to the meeting.")]
    [InlineData("Growth slowed to 2.5% from 3.1 percent last year.")]
    [InlineData("Sanctions imposed by the U.S. and the E.U. remain in force.")]
    public void Abbreviations_initials_and_decimals_do_not_end_a_sentence(string sentence)
    {
        Assert.Single(Split(sentence));
    }

    [Fact]
    public void Acronym_at_a_sentence_end_splits_before_a_typical_opener()
    {
        Assert.Equal(["The aid came from the U.S.", "The money arrived in May."], Split("The aid came from the U.S. The money arrived in May."));
    }

    [Fact]
    public void Closing_curly_quotes_stay_with_their_sentence()
    {
        var parts = Split("“We are ready.” He left. ‘It is over,’ she said. Kyivʼs position “won’t change.” Next.");
        Assert.Equal("“We are ready.”", parts[0]);
        Assert.Equal("He left.", parts[1]);
        Assert.Equal("‘It is over,’ she said.", parts[2]);
        Assert.Equal("Kyivʼs position “won’t change.”", parts[3]);
    }

    [Fact]
    public void Ellipsis_followed_by_lower_case_continues_the_sentence()
    {
        Assert.Single(Split("Their concerns are about the territories… what they call de jure."));
    }

    [Fact]
    public void Line_breaks_end_headlines_without_punctuation()
    {
        Assert.Equal(["Rubio pulls out", "Talks were downgraded."], Split("Rubio pulls out\nTalks were downgraded.\n\n"));
    }
}
