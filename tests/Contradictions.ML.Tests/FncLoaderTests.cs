using Contradictions.Core.Stance;
using Contradictions.ML.Data;

namespace Contradictions.ML.Tests;

public class FncLoaderTests
{
    [Fact]
    public void Loads_pairs_with_multi_line_quoted_bodies()
    {
        var loaded = FncLoader.Load(RepoPaths.Fixture("good_stances.csv"), RepoPaths.Fixture("good_bodies.csv"));

        Assert.Equal(2, loaded.Pairs.Count);
        Assert.Equal(Stance.Agree, loaded.Pairs[0].Label);
        Assert.Equal("A cat saved its owner.\nNeighbours confirmed it.", loaded.Pairs[0].Passage);
        Assert.Equal(Stance.Disagree, loaded.Pairs[1].Label);
        Assert.Empty(loaded.Skipped);
    }

    [Fact]
    public void Unknown_stance_names_file_and_line()
    {
        var e = Assert.Throws<DataFormatException>(() =>
            FncLoader.Load(RepoPaths.Fixture("bad_label_stances.csv"), RepoPaths.Fixture("good_bodies.csv")));

        Assert.EndsWith("bad_label_stances.csv", e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("sideways", e.Message);
    }

    [Fact]
    public void Skip_bad_rows_reports_them_and_keeps_the_rest()
    {
        var loaded = FncLoader.Load(RepoPaths.Fixture("bad_label_stances.csv"), RepoPaths.Fixture("good_bodies.csv"), skipBadRows: true);

        Assert.Equal(2, loaded.Pairs.Count);
        var skipped = Assert.Single(loaded.Skipped);
        Assert.Equal(3, skipped.Line);
    }

    [Fact]
    public void Stance_whose_body_is_missing_names_the_body_id_and_line()
    {
        var e = Assert.Throws<DataFormatException>(() =>
            FncLoader.Load(RepoPaths.Fixture("missing_body_stances.csv"), RepoPaths.Fixture("good_bodies.csv")));

        Assert.Equal(3, e.Line);
        Assert.Contains("99", e.Problem);
    }

    [Fact]
    public void Row_with_a_missing_column_is_an_error_with_its_line()
    {
        var e = Assert.Throws<DataFormatException>(() =>
            FncLoader.Load(RepoPaths.Fixture("short_row_stances.csv"), RepoPaths.Fixture("good_bodies.csv")));

        Assert.Equal(2, e.Line);
        Assert.Contains("Stance", e.Problem);
    }

    [Fact]
    public void Unlabelled_stances_load_when_labels_are_not_required()
    {
        var loaded = FncLoader.Load(RepoPaths.Fixture("unlabelled_stances.csv"), RepoPaths.Fixture("good_bodies.csv"), requireLabels: false);

        Assert.Equal(2, loaded.Pairs.Count);
    }

    [Fact]
    public void Missing_header_column_is_reported_on_line_one()
    {
        var e = Assert.Throws<DataFormatException>(() =>
            FncLoader.Load(RepoPaths.Fixture("unlabelled_stances.csv"), RepoPaths.Fixture("good_bodies.csv")));

        Assert.Equal(1, e.Line);
        Assert.Contains("Stance", e.Problem);
    }

    [Fact]
    public void Reads_the_whole_fnc1_training_set_and_its_standard_split()
    {
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));

        Assert.Equal(49_972, corpus.All.Count());
        Assert.Equal(9_622, corpus.HoldOut.Count);
        Assert.Equal(840, corpus.All.Count(p => p.Label == Stance.Disagree));
        Assert.Empty(corpus.Training.Select(p => p.PassageId).Intersect(corpus.HoldOut.Select(p => p.PassageId)));
        Assert.Equal(64, corpus.DataSha256.Length);
    }
}
