namespace Contradictions.Core.Stance;

/// <summary>Predicts the stance of a passage (article body or sentence) towards a claim (headline or sentence).</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IStanceClassifier
{
    StanceProbabilities Predict(string claim, string passage);

    /// <summary>Scores many pairs; passages repeated across pairs are featurised once.</summary>
    IReadOnlyList<StanceProbabilities> PredictBatch(IReadOnlyList<(string Claim, string Passage)> pairs);
}
