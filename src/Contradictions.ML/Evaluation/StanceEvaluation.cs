using Contradictions.Core.Stance;
using Contradictions.ML.Data;

namespace Contradictions.ML.Evaluation;

/// <summary>Scores labelled pairs with a classifier and computes the FNC-1 metrics.</summary>
public static class StanceEvaluation
{
    public sealed record Result(IReadOnlyList<StanceProbabilities> Probabilities, IReadOnlyList<Stance> Predicted, StanceMetrics Metrics);

    public static Result Evaluate(IStanceClassifier classifier, IReadOnlyList<LabeledPair> pairs)
    {
        var probabilities = classifier.PredictBatch(pairs.Select(p => (p.Claim, p.Passage)).ToArray());
        var predicted = probabilities.Select(p => p.Predicted).ToArray();
        return new Result(probabilities, predicted, StanceMetrics.Compute(pairs.Select(p => p.Label).ToArray(), predicted));
    }
}
