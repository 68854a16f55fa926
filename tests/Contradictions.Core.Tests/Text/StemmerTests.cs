using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class StemmerTests
{
    [Theory]
    [InlineData("denies", "deny")]
    [InlineData("denied", "deny")]
    [InlineData("reports", "report")]
    [InlineData("reported", "report")]
    [InlineData("talks", "talk")]
    [InlineData("was", "was")]
    [InlineData("boxes", "box")]
    public void Strips_common_inflections(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Theory]
    [InlineData("denies")]
    [InlineData("denied")]
    [InlineData("reporting")]
    [InlineData("boxes")]
    [InlineData("was")]
    [InlineData("allegedly")]
    [InlineData("us")]
    public void A_span_stems_as_its_string_does_even_with_a_short_buffer(string word)
    {
        Assert.Equal(Stemmer.Stem(word), Stemmer.Stem(word.AsSpan(), stackalloc char[64]).ToString());
        Assert.Equal(Stemmer.Stem(word), Stemmer.Stem(word.AsSpan(), stackalloc char[1]).ToString());
    }
}
