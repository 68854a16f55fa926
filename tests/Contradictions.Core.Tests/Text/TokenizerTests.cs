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
}
