using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Evaluation;

namespace Contradictions.ML.Tests;

public class BodyPairEvaluationTests
{
    private static LabeledPair Row(string headline, string body, Stance stance) => new(headline, body, "text of " + body, stance);

    [Fact]
    public void Agree_disagree_pairs_contradict_and_agree_agree_pairs_are_consistent_once_per_body_pair()
    {
        var truth = BodyPairTruth.From([
            Row("h1", "1", Stance.Agree), Row("h1", "2", Stance.Agree), Row("h1", "3", Stance.Disagree), Row("h1", "4", Stance.Discuss),
            Row("h1", "2", Stance.Agree), // duplicate row
            Row("h2", "3", Stance.Agree), Row("h2", "1", Stance.Disagree), // the same pair, roles swapped
            Row("h3", "5", Stance.Agree), Row("h3", "6", Stance.Agree), // no disagreeing body: not judged
            Row("h4", "7", Stance.Disagree), Row("h4", "8", Stance.Disagree), Row("h4", "9", Stance.Unrelated),
        ]);

        Assert.Equal(2, truth.Headlines);
        Assert.Equal(new HashSet<(string, string)> { ("1", "3"), ("2", "3") }, truth.Contradictions);
        Assert.Equal(new HashSet<(string, string)> { ("1", "2") }, truth.Consistent);
        Assert.Equal(0, truth.Conflicting);
    }

    [Fact]
    public void A_pair_labelled_both_ways_is_left_out_and_bodies_outside_the_split_do_not_count()
    {
        var rows = new[]
        {
            Row("h1", "1", Stance.Agree), Row("h1", "2", Stance.Disagree),
            Row("h2", "1", Stance.Agree), Row("h2", "2", Stance.Agree), Row("h2", "3", Stance.Disagree),
        };

        var truth = BodyPairTruth.From(rows);
        Assert.Equal(1, truth.Conflicting);
        Assert.Equal(new HashSet<(string, string)> { ("1", "3"), ("2", "3") }, truth.Contradictions);
        Assert.Empty(truth.Consistent);

        var split = BodyPairTruth.From(rows, new HashSet<string> { "1", "2" });
        Assert.Equal(new HashSet<(string, string)> { ("1", "2") }, split.Contradictions);
        Assert.Equal(0, split.Conflicting);
    }

    [Fact]
    public void Counts_per_threshold_use_the_strongest_flag_and_an_empty_selection_has_no_precision()
    {
        var truth = new BodyPairTruth(
            new HashSet<(string, string)> { ("1", "2"), ("1", "3") },
            new HashSet<(string, string)> { ("2", "3") }, Headlines: 1, Conflicting: 0);
        var flagged = new Dictionary<(string, string), float> { [("1", "2")] = 0.9f, [("2", "3")] = 0.4f, [("8", "9")] = 0.99f };

        var rows = BodyPairEvaluation.Evaluate(truth, flagged, [0.95, 0.3, 0.5]);

        Assert.Equal([0.3, 0.5, 0.95], rows.Select(r => r.Threshold));
        Assert.Equal(new BodyPairCounts(0.3, 1, 1, 1, 0), rows[0]);
        Assert.Equal(0.5, rows[0].Precision);
        Assert.Equal(new BodyPairCounts(0.5, 1, 0, 1, 1), rows[1]);
        Assert.Equal(1.0, rows[1].Precision);
        Assert.Equal(0.5, rows[1].Recall);
        Assert.Null(rows[2].Precision);
        Assert.Null(rows[2].F1);
        Assert.Equal(0.0, rows[2].Recall);
    }
}
