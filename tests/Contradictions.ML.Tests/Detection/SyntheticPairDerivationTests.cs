using Contradictions.Core.Claims;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;

namespace Contradictions.ML.Tests.Detection;

public class SyntheticPairDerivationTests
{
    private const string Body =
        "Kherson live updates\n" +
        "The defence minister said the army will withdraw 30% of its troops from the city of Kherson by Friday. " +
        "Residents reported heavy shelling overnight in the eastern districts of the city. " +
        "The regional governor said the bridge across the river was closed to civilian traffic on Monday. " +
        "Aid agencies said they had delivered food to 4,000 families in the region last week.";

    private static IReadOnlyList<DerivedPair> Derive(int seed = 7) =>
        SyntheticPairDerivation.Derive([new LabeledPair("Army to withdraw from Kherson", "b1", Body, Stance.Agree)], seed, sentencesPerBody: 4);

    [Fact]
    public void Denial_rewrites_are_read_back_as_denials_and_labelled_contradictions()
    {
        var pairs = Derive();

        var denials = pairs.Where(p => p.Contradiction && p.B.Claim.Polarity == Polarity.Denied).ToList();
        Assert.NotEmpty(denials);
        Assert.All(pairs, p => Assert.True(p.Synthetic));
        // The denial restates part of the sentence it denies, in the same story's words.
        Assert.All(denials, d => Assert.Contains(d.A.Claim.Text.Split(' ').Where(w => w.Length > 5), w => d.B.Claim.Text.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Confirmations_and_denials_of_other_sentences_are_not_contradictions()
    {
        var pairs = Derive();

        Assert.Contains(pairs, p => !p.Contradiction && p.B.Claim.Text.Contains("confirmed", StringComparison.Ordinal) || !p.Contradiction && p.B.Claim.Text.Contains(" said that ", StringComparison.Ordinal) || !p.Contradiction && p.B.Claim.Text.Contains("told reporters", StringComparison.Ordinal));
        // A denial of a different sentence of the body shares the story but not the proposition.
        Assert.Contains(pairs, p => !p.Contradiction && p.B.Claim.Polarity == Polarity.Denied && p.A.Claim.Polarity == Polarity.Asserted);
    }

    [Fact]
    public void Negated_and_renumbered_rewrites_are_contradictions()
    {
        var pairs = Derive();

        Assert.Contains(pairs, p => p.Contradiction && p.B.Claim.Text.Contains(" not ", StringComparison.Ordinal) && !p.A.Claim.Text.Contains(" not ", StringComparison.Ordinal));
        Assert.Contains(pairs, p => p.Contradiction && p.A.Claim.Numbers.Count > 0 && p.B.Claim.Numbers.Count > 0
            && !p.B.Claim.Numbers.Any(n => p.A.Claim.Numbers.Any(m => m.Value == n.Value)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_pairs()
    {
        Assert.Equal(Derive(3).Select(p => (p.A.Claim.Text, p.B.Claim.Text, p.Contradiction)), Derive(3).Select(p => (p.A.Claim.Text, p.B.Claim.Text, p.Contradiction)));
    }

    [Theory]
    [InlineData("According to the publication, Umerov told US officials that Kyiv supports the plan.", "kyiv supports the plan")]
    [InlineData("The charity said it will care for the dog until it finds a home.", "it will care for the dog until it finds a home")]
    [InlineData("Kyiv supports the plan, the minister said.", "kyiv supports the plan")]
    public void The_clause_drops_the_attribution(string sentence, string clause)
    {
        Assert.Equal(clause, SyntheticPairDerivation.Clause(sentence));
    }
}
