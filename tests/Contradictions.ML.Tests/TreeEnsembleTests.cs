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
