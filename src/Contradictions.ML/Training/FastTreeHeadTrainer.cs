using Contradictions.ML.Model;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Contradictions.ML.Training;

/// <summary>Trains one calibrated FastTree binary head with ML.NET and exports it to a <see cref="BinaryHead"/>.</summary>
internal static class FastTreeHeadTrainer
{
    public sealed record Result(BinaryHead Head, byte[] MlNetModel, ITransformer Transformer, DataViewSchema Schema);

    public static Result Train(MLContext ml, IReadOnlyList<float[]> features, IReadOnlyList<bool> labels,
        IReadOnlyList<float> weights, StanceTrainerOptions options, int? trees = null)
    {
        int width = features[0].Length;
        var rows = new HeadRow[features.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = new HeadRow { Features = features[i], Label = labels[i], Weight = weights[i] };
        var data = ml.Data.LoadFromEnumerable(rows, Schema(width));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(HeadRow.Label),
            FeatureColumnName = nameof(HeadRow.Features),
            ExampleWeightColumnName = nameof(HeadRow.Weight),
            NumberOfTrees = trees ?? options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
        });
        var transformer = trainer.Fit(data);
        var head = Export(transformer.Model);
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, data.Schema, stream);
        return new Result(head, stream.ToArray(), transformer, data.Schema);
    }

    public static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(HeadRow));
        schema[nameof(HeadRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private static BinaryHead Export(CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> model)
    {
        var ensemble = model.SubModel.TrainedTreeEnsemble;
        var trees = new List<TreeEnsemble.Tree>(ensemble.Trees.Count);
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new NotSupportedException("categorical splits are not exported; the stance features are numeric");
            }
            trees.Add(new TreeEnsemble.Tree(
                (float)ensemble.TreeWeights[t],
                tree.NumericalSplitFeatureIndexes.ToArray(),
                tree.NumericalSplitThresholds.ToArray(),
                tree.LeftChild.ToArray(),
                tree.RightChild.ToArray(),
                tree.LeafValues.Select(v => (float)v).ToArray()));
        }
        return new BinaryHead(new TreeEnsemble((float)ensemble.Bias, trees), (float)model.Calibrator.Slope, (float)model.Calibrator.Offset);
    }
}
