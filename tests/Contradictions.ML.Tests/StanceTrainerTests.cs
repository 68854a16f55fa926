using Contradictions.ML.Data;
using Contradictions.ML.Training;

namespace Contradictions.ML.Tests;

public class StanceTrainerTests
{
    [Fact]
    public void Same_data_and_seed_give_the_same_model()
    {
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));
        var bodies = corpus.Training.Select(p => p.PassageId).Distinct().Order(StringComparer.Ordinal).Take(200).ToHashSet();
        var pairs = corpus.Training.Where(p => bodies.Contains(p.PassageId)).ToList();
        var probe = corpus.HoldOut.Take(200).Select(p => (p.Claim, p.Passage)).ToArray();
        var options = new StanceTrainerOptions { NumberOfTrees = 40 };

        var first = StanceTrainer.Train(pairs, options).Model.PredictBatch(probe);
        var second = StanceTrainer.Train(pairs, options).Model.PredictBatch(probe);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Split_by_passage_keeps_each_passage_on_one_side()
    {
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));

        var (train, held) = StanceTrainer.SplitByPassage(corpus.Training, 0.2, seed: 1);

        Assert.Equal(corpus.Training.Count, train.Count + held.Count);
        Assert.Empty(train.Select(p => p.PassageId).Intersect(held.Select(p => p.PassageId)));
    }
}
