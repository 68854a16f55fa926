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
}
