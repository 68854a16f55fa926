using Contradictions.ML.Detection;
using Contradictions.ML.Model;
using Contradictions.ML.Training;
using Microsoft.ML;

namespace Contradictions.ML.Tests;

public class TreeEnsembleTests
{
    [Fact]
    public void Evaluates_a_hand_built_tree_by_thresholds_and_weights()
    {
        // Root splits on feature 1 at 0.5; its right child splits on feature 0 at 2. Leaves: 10, 20, 30.
        var tree = new TreeEnsemble.Tree(0.5f, Feature: [1, 0], Threshold: [0.5f, 2f], Left: [~0, ~1], Right: [1, ~2], Leaves: [10, 20, 30]);
        var ensemble = new TreeEnsemble(bias: 1, [tree, new TreeEnsemble.Tree(1, [], [], [], [], [4])]);

        Assert.Equal(1 + 0.5f * 10 + 4, ensemble.Score([0, 0.5f]));   // equal to threshold goes left
        Assert.Equal(1 + 0.5f * 20 + 4, ensemble.Score([2, 0.6f]));
        Assert.Equal(1 + 0.5f * 30 + 4, ensemble.Score([2.1f, 0.6f]));
    }

    [Fact]
    public void Compiled_hand_built_tree_splits_as_the_walk_does_ties_and_nan_included()
    {
        var tree = new TreeEnsemble.Tree(0.5f, Feature: [1, 0], Threshold: [0.5f, 2f], Left: [~0, ~1], Right: [1, ~2], Leaves: [10, 20, 30]);
        var ensemble = new TreeEnsemble(bias: 1, [tree, new TreeEnsemble.Tree(1, [], [], [], [], [4])]);
        Assert.True(ensemble.Compile());
        Assert.True(ensemble.IsCompiled);

        Assert.Equal(1 + 0.5f * 10 + 4, ensemble.Score([0, 0.5f]));                 // equal to threshold goes left
        Assert.Equal(1 + 0.5f * 20 + 4, ensemble.Score([2, 0.6f]));
        Assert.Equal(1 + 0.5f * 30 + 4, ensemble.Score([2.1f, 0.6f]));
        Assert.Equal(1 + 0.5f * 30 + 4, ensemble.Score([float.NaN, float.NaN]));   // NaN goes right, as in the walk
        Assert.Equal(ensemble.Walk([float.NaN, float.NaN]), ensemble.Score([float.NaN, float.NaN]));
        Assert.Throws<ArgumentException>(() => ensemble.Score([0]));
    }

    [Fact]
    public void Compiled_trees_of_the_committed_models_give_the_walks_score_to_the_bit()
    {
        var pair = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        var stance = StanceModel.Load(RepoPaths.Of("models", "stance.zip"));
        var ensembles = pair.PairStance.Ensembles.Append(pair.Head.Trees).Concat(stance.Ensembles).ToList();
        Assert.True(ensembles.Count >= 9);
        var random = new Random(11);
        foreach (var ensemble in ensembles)
        {
            var trees = ensemble.Trees.Where(t => t.Feature.Length > 0).ToList();
            Assert.True(ensemble.Compile());
            // Values at, just below and just above every threshold, between them, and the odd ones.
            var rows = new List<float[]>();
            for (int i = 0; i < 3_000; i++)
            {
                var row = new float[ensemble.RequiredFeatures];
                for (int f = 0; f < row.Length; f++)
                {
                    var tree = trees[random.Next(trees.Count)];
                    int node = random.Next(tree.Feature.Length);
                    float t = tree.Threshold[node];
                    row[f] = ThresholdValues.Near(random, t);
                }
                rows.Add(row);
            }
            foreach (var row in rows)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(ensemble.Walk(row)), BitConverter.SingleToInt32Bits(ensemble.Score(row)));
            }
        }
    }

    [Fact]
    public void An_ensemble_scored_in_a_hot_loop_compiles_itself_and_keeps_its_scores()
    {
        var model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        var trees = model.Head.Trees;
        var random = new Random(3);
        var rows = Enumerable.Range(0, 64).Select(_ => Enumerable.Range(0, trees.RequiredFeatures).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var walked = rows.Select(r => trees.Walk(r)).ToArray();

        Assert.False(trees.IsCompiled);
        for (int i = 0; i < 20_000; i++) Assert.Equal(walked[i % rows.Length], trees.Score(rows[i % rows.Length]));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!trees.IsCompiled && waited.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(10);
        Assert.True(trees.IsCompiled);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(walked[i], trees.Score(rows[i]));
    }

    [Fact]
    public void Platt_head_turns_scores_into_probabilities()
    {
        var head = new BinaryHead(new TreeEnsemble(bias: 2, []), Slope: -1, Offset: 0);

        Assert.Equal(1 / (1 + MathF.Exp(-2)), head.Probability([]), 6);
    }

    [Fact]
    public void Exported_trees_reproduce_mlnet_scores_and_probabilities()
    {
        var random = new Random(7);
        var features = new List<float[]>();
        var labels = new List<bool>();
        for (int i = 0; i < 2000; i++)
        {
            var row = new[] { (float)random.NextDouble(), (float)random.NextDouble(), random.Next(5) };
            features.Add(row);
            labels.Add(row[0] + 0.3 * row[2] > 1.1 ^ random.NextDouble() < 0.1);
        }
        var ml = new MLContext(1);
        var options = new StanceTrainerOptions { NumberOfTrees = 30, NumberOfLeaves = 8 };
        var trained = FastTreeHeadTrainer.Train(ml, features, labels, Enumerable.Repeat(1f, features.Count).ToArray(), options);

        var rows = features.Select((f, i) => new HeadRow { Features = f, Label = labels[i], Weight = 1 }).ToArray();
        var scored = ml.Data.CreateEnumerable<Scored>(
            trained.Transformer.Transform(ml.Data.LoadFromEnumerable(rows, FastTreeHeadTrainer.Schema(3))), reuseRowObject: false).ToArray();

        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(scored[i].Score, trained.Head.Trees.Score(features[i]), 3);
            Assert.Equal(scored[i].Probability, trained.Head.Probability(features[i]), 4);
        }
    }

    private sealed class Scored
    {
        public float Score { get; set; }
        public float Probability { get; set; }
    }
}
