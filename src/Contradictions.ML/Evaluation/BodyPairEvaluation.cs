namespace Contradictions.ML.Evaluation;

/// <summary>Body pairs judged at one confidence threshold; a contradiction is the positive class.</summary>
public sealed record BodyPairCounts(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Null when nothing was flagged (precision of an empty set is undefined, not 0 or 1).</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Null when there is no contradiction to find.</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;
}

/// <summary>Counts flagged body pairs against <see cref="BodyPairTruth"/> at several thresholds.</summary>
public static class BodyPairEvaluation
{
    /// <param name="flagged">Per body pair (<see cref="BodyPairTruth.Key"/>), the highest confidence of any flag between a claim of one body and a claim of the other.</param>
    public static IReadOnlyList<BodyPairCounts> Evaluate(BodyPairTruth truth, IReadOnlyDictionary<(string A, string B), float> flagged, IEnumerable<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(flagged);
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds.Order().Select(t =>
        {
            int tp = truth.Contradictions.Count(p => IsFlagged(p, t));
            int fp = truth.Consistent.Count(p => IsFlagged(p, t));
            return new BodyPairCounts(t, tp, fp, truth.Contradictions.Count - tp, truth.Consistent.Count - fp);
        }).ToList();

        bool IsFlagged((string, string) pair, double threshold) => flagged.TryGetValue(pair, out float c) && c >= threshold;
    }
}
