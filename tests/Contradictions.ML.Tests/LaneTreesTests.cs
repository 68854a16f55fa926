using Contradictions.ML.Detection;
using Contradictions.ML.Model;

namespace Contradictions.ML.Tests;

public class LaneTreesTests
{
    private const int L = LaneTrees.Lanes;

    // Root splits on feature 1 at 0.5; its right child splits on feature 0 at 2. Leaves: 10, 20, 30. Plus a constant tree.
    private static TreeEnsemble HandBuilt() => new(bias: 1, [
        new TreeEnsemble.Tree(0.5f, Feature: [1, 0], Threshold: [0.5f, 2f], Left: [~0, ~1], Right: [1, ~2], Leaves: [10, 20, 30]),
        new TreeEnsemble.Tree(1, [], [], [], [], [4])]);

    [Fact]
    public void Lanes_are_built_exactly_where_the_processor_runs_them()
    {
        Assert.Equal(LaneTrees.IsSupported, LaneTrees.TryBuild([HandBuilt()]) is not null);
    }

    [Fact]
    public void Hand_built_tree_splits_ties_and_nan_in_every_lane_as_the_walk_does()
    {
        var ensemble = HandBuilt();
        if (LaneTrees.TryBuild([ensemble]) is not { } lanes) return;   // no AVX-512: the first test checks that is why
        (float F0, float F1, float Expected)[] cases =
        [
            (0, 0.5f, 1 + 0.5f * 10 + 4),              // equal to the threshold goes left
            (2, 0.6f, 1 + 0.5f * 20 + 4),
            (2.1f, 0.6f, 1 + 0.5f * 30 + 4),
            (float.NaN, float.NaN, 1 + 0.5f * 30 + 4), // NaN goes right
            (float.NegativeInfinity, float.PositiveInfinity, 1 + 0.5f * 20 + 4),
        ];
        var block = new float[2 * L];
        for (int l = 0; l < L; l++)
        {
            var (f0, f1, _) = cases[l % cases.Length];
            block[l] = f0;
            block[L + l] = f1;
        }
        var sums = new float[L];
        lanes.Score(block, sums);

        for (int l = 0; l < L; l++)
        {
            var (f0, f1, expected) = cases[l % cases.Length];
            Assert.Equal(expected, sums[l]);
            Assert.Equal(ensemble.Walk([f0, f1]), sums[l]);
        }
    }

    [Fact]
    public void Every_lane_at_a_threshold_stops_there_and_a_nan_threshold_sends_every_lane_right()
    {
        // The hand-built tree, and one splitting feature 0 at NaN (leaves 5 and 7): a lane is never at or below NaN.
        var ensemble = new TreeEnsemble(bias: 0, [.. HandBuilt().Trees,
            new TreeEnsemble.Tree(1, Feature: [0], Threshold: [float.NaN], Left: [~0], Right: [~1], Leaves: [5, 7])]);
        if (LaneTrees.TryBuild([ensemble]) is not { } lanes) return;
        var sums = new float[L];
        foreach (var (f0, f1) in new[] { (2f, 0.5f), (2f, 0.6f), (float.NaN, 0.5f) })
        {
            var block = Enumerable.Repeat(f0, L).Concat(Enumerable.Repeat(f1, L)).ToArray();
            lanes.Score(block, sums);
            Assert.All(sums, s => Assert.Equal(ensemble.Walk([f0, f1]), s));
        }
        Assert.Equal(0.5f * 20 + 4 + 7, ensemble.Walk([2f, 0.6f]));
    }

    [Fact]
    public void Up_to_512_trees_fit_the_lanes_and_more_are_left_to_the_walk()
    {
        TreeEnsemble Stumps(int count) => new(bias: 0, [.. Enumerable.Range(0, count).Select(i =>
            new TreeEnsemble.Tree(1, Feature: [i % 3], Threshold: [i % 7], Left: [~0], Right: [~1], Leaves: [i, -i]))]);

        Assert.Null(LaneTrees.TryBuild([Stumps(513)]));
        Assert.Null(LaneTrees.TryBuild([Stumps(300), Stumps(213)]));
        var ensemble = Stumps(512);
        if (LaneTrees.TryBuild([ensemble]) is not { } lanes) return;
        var block = Enumerable.Range(0, 3 * L).Select(i => (float)(i % 9)).ToArray();
        var sums = new float[L];
        lanes.Score(block, sums);
        for (int l = 0; l < L; l++) Assert.Equal(ensemble.Walk([block[l], block[L + l], block[2 * L + l]]), sums[l]);
    }

    [Fact]
    public void A_tree_of_32_leaves_fills_a_lane_and_one_of_33_is_left_to_the_walk()
    {
        Assert.Null(LaneTrees.TryBuild([Chain(33)]));
        var ensemble = Chain(32);
        if (LaneTrees.TryBuild([ensemble]) is not { } lanes) return;
        var sums = new float[L];
        for (int from = -1; from <= 33; from += L)
        {
            var block = Enumerable.Range(from, L).Select(x => x == 33 ? float.NaN : x + 0.5f).ToArray();
            lanes.Score(block, sums);
            for (int l = 0; l < L; l++) Assert.Equal(ensemble.Walk([block[l]]), sums[l]);
        }
    }

    // A left-leaning chain: split i sends x ≤ i to leaf i (worth i + 1) and the rest on; the last split's right is the last leaf.
    private static TreeEnsemble Chain(int leaves)
    {
        int splits = leaves - 1;
        var right = Enumerable.Range(1, splits).Select(i => i < splits ? i : ~splits).ToArray();
        return new TreeEnsemble(bias: 0, [new TreeEnsemble.Tree(1, Feature: new int[splits], Threshold: [.. Enumerable.Range(0, splits).Select(i => (float)i)],
            Left: [.. Enumerable.Range(0, splits).Select(i => ~i)], Right: right, Leaves: [.. Enumerable.Range(1, leaves).Select(i => (float)i)])]);
    }

    [Fact]
    public void Lanes_of_the_committed_models_give_each_vector_the_walks_score_to_the_bit()
    {
        var model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        // As the detector groups them: the pair stance's four heads in one set of lanes, the pair trees in another.
        var sets = new List<TreeEnsemble[]> { model.PairStance.Ensembles.ToArray(), new[] { model.Head.Trees } };
        sets.AddRange(model.PairStance.Ensembles.Select(e => new[] { e }));
        var random = new Random(5);
        foreach (var ensembles in sets)
        {
            if (LaneTrees.TryBuild(ensembles) is not { } lanes)
            {
                Assert.False(LaneTrees.IsSupported);
                continue;
            }
            // Each feature's own thresholds, so that values at, just below and just above them meet its splits.
            var thresholdsOf = ensembles.SelectMany(e => e.Trees).SelectMany(t => t.Feature.Zip(t.Threshold))
                .ToLookup(split => split.First, split => split.Second);
            var block = new float[lanes.RequiredFeatures * L];
            var sums = new float[ensembles.Length * L];
            for (int round = 0; round < 200; round++)
            {
                // Values at, just below and just above the feature's thresholds, between them, and the odd ones.
                for (int i = 0; i < block.Length; i++)
                {
                    var own = thresholdsOf[i / L].ToArray();
                    float t = own.Length == 0 ? 0 : own[random.Next(own.Length)];
                    block[i] = ThresholdValues.Near(random, t);
                }
                lanes.Score(block, sums);
                for (int l = 0; l < L; l++)
                {
                    var row = Enumerable.Range(0, lanes.RequiredFeatures).Select(f => block[f * L + l]).ToArray();
                    for (int e = 0; e < ensembles.Length; e++)
                    {
                        Assert.Equal(BitConverter.SingleToInt32Bits(ensembles[e].Walk(row)), BitConverter.SingleToInt32Bits(sums[e * L + l]));
                    }
                }
            }
        }
    }
}
