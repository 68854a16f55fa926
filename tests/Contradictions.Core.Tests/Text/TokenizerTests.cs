using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void Lower_cases_and_keeps_inner_apostrophes_hyphens_and_number_punctuation()
    {
        var tokens = Tokenizer.Tokenize("Kyiv “90%” supports Trump’s cease-fire plan; 1,000 troops, 3.5 km. Don't!");

        Assert.Equal(["kyiv", "90", "supports", "trump's", "cease-fire", "plan", "1,000", "troops", "3.5", "km", "don't"], tokens);
    }

    [Fact]
    public void Sentence_final_dots_and_commas_do_not_join_words()
    {
        Assert.Equal(["ends", "here", "next", "one", "a", "b"], Tokenizer.Tokenize("Ends here. Next one, a,b"));
    }

    [Fact]
    public void Very_long_tokens_are_kept_whole()
    {
        var word = new string('x', 300);

        Assert.Equal([word], Tokenizer.Tokenize(word.ToUpperInvariant()));
    }

    [Fact]
    public void Enumerated_spans_are_the_tokens_even_when_a_token_outgrows_the_buffer()
    {
        const string text = "The Ministry of Defence's spokesman denied a 90% figure: counter-intelligence-officer-level sources, 1,000.5 km.";
        var spans = new List<string>();
        foreach (var token in Tokenizer.Enumerate(text, stackalloc char[4])) spans.Add(token.ToString());

        Assert.Equal(Tokenizer.Tokenize(text), spans);
        Assert.Contains("counter-intelligence-officer-level", spans);
    }
}
