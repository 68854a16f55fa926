using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Text;

public class LexiconsTests
{
    [Fact]
    public void One_lookup_names_every_list_a_word_is_in()
    {
        var words = Lexicons.Refuting.Concat(Lexicons.Hedging).Concat(Lexicons.Affirming).Concat(Lexicons.Negating).Concat(Lexicons.Stop)
            .Concat(["", "x", "Hoax", "hoaxes", "denied.", "ceasefire", "Umerov", "n't", "don't", "90%"])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(words.Count > 250);
        int inTwo = 0;
        foreach (var w in words)
        {
            var lists = Lexicons.Of(w);
            Assert.Equal(Lexicons.Refuting.Contains(w), (lists & WordLists.Refuting) != 0);
            Assert.Equal(Lexicons.Hedging.Contains(w), (lists & WordLists.Hedging) != 0);
            Assert.Equal(Lexicons.Affirming.Contains(w), (lists & WordLists.Affirming) != 0);
            Assert.Equal(Lexicons.Negating.Contains(w), (lists & WordLists.Negating) != 0);
            Assert.Equal(Lexicons.Stop.Contains(w), (lists & WordLists.Stop) != 0);
            Assert.Equal(Lexicons.IsNegation(w), Lexicons.IsNegation(w.AsSpan()));
            Assert.Equal(Lexicons.IsNegation(w), Lexicons.IsNegation(lists, w));
            if (System.Numerics.BitOperations.PopCount((uint)lists) > 1) inTwo++;
        }
        // The lists overlap ("may" hedges and is a stop word, say), and a word keeps all its lists.
        Assert.True(inTwo > 0, "no word is in two lists");
        Assert.Equal(WordLists.None, Lexicons.Of("ceasefire"));
    }
}
