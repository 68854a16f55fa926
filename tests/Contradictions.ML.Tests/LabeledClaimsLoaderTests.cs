using Contradictions.Core.Stance;
using Contradictions.ML.Data;

namespace Contradictions.ML.Tests;

public class LabeledClaimsLoaderTests
{
    [Fact]
    public void Unknown_label_names_file_and_line()
    {
        var e = Assert.Throws<DataFormatException>(() => LabeledClaimsLoader.Load(RepoPaths.Fixture("labeled_claims.csv")));

        Assert.EndsWith("labeled_claims.csv", e.File);
        Assert.Equal(4, e.Line);
        Assert.Contains("maybe", e.Problem);
    }

    [Fact]
    public void Skipping_bad_rows_keeps_the_labelled_pairs()
    {
        var loaded = LabeledClaimsLoader.Load(RepoPaths.Fixture("labeled_claims.csv"), skipBadRows: true);

        Assert.Equal([Stance.Disagree, Stance.Agree], loaded.Pairs.Select(p => p.Label));
        Assert.Single(loaded.Skipped);
    }
}
