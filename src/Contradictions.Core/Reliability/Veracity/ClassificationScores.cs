namespace Contradictions.Core.Reliability.Veracity;

/// <summary>Accuracy and macro-F1 over the three veracity classes.</summary>
public sealed record ClassificationScores(int Count, double Accuracy, double MacroF1)
{
    /// <summary>Macro-F1 averages the per-class F1 of true, false and unknown (a class never predicted nor present scores 0).</summary>
    public static ClassificationScores Compute(IReadOnlyList<(Veracity Gold, Veracity Predicted)> pairs)
    {
        if (pairs.Count == 0) return new ClassificationScores(0, 0, 0);
        var correct = pairs.Count(p => p.Gold == p.Predicted);
        var f1Sum = 0.0;
        foreach (var label in VeracityNames.All)
        {
            var tp = pairs.Count(p => p.Gold == label && p.Predicted == label);
            var fp = pairs.Count(p => p.Gold != label && p.Predicted == label);
            var fn = pairs.Count(p => p.Gold == label && p.Predicted != label);
            f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        return new ClassificationScores(pairs.Count, (double)correct / pairs.Count, f1Sum / VeracityNames.All.Count);
    }
}
