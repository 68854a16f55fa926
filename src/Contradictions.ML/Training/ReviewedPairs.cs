using Contradictions.ML.Data;

namespace Contradictions.ML.Training;

/// <summary>Reviewed pairs ready for training, and how many were left out because the evaluation data holds them.</summary>
public sealed record ReviewFold(IReadOnlyList<LabeledPair> Pairs, int DroppedAsEvaluation);

/// <summary>Folds reviewer-labelled pairs (<c>export-training</c> rows) into stance training.</summary>
public static class ReviewedPairs
{
    /// <summary>
    /// Gives every reviewed pair <paramref name="weight"/> and drops any whose passage text, or whose claim and
    /// passage together, occur in <paramref name="evaluation"/>: the hold-out must score a model that never saw it.
    /// </summary>
    public static ReviewFold Fold(IEnumerable<LabeledPair> reviews, IEnumerable<LabeledPair> evaluation, float weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        var passages = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var e in evaluation)
        {
            passages.Add(e.Passage.Trim());
            pairs.Add((e.Claim.Trim(), e.Passage.Trim()));
        }
        var kept = new List<LabeledPair>();
        int dropped = 0;
        foreach (var r in reviews)
        {
            if (passages.Contains(r.Passage.Trim()) || pairs.Contains((r.Claim.Trim(), r.Passage.Trim()))) dropped++;
            else kept.Add(r with { PassageId = "review:" + r.PassageId, Weight = weight });
        }
        return new ReviewFold(kept, dropped);
    }
}
