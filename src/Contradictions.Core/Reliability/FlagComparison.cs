using System.Globalization;

namespace Contradictions.Core.Reliability;

/// <summary>Compares the two sides of a contradiction flag by the reliability of the sources behind each.</summary>
public static class FlagComparison
{
    /// <summary>
    /// Each side's sources vote with their expected log-odds of being right (the same weights the truth model uses),
    /// so P(A right) = σ(Σ_A E[logit r] − Σ_B E[logit r]). The answer is undetermined when that probability is within
    /// <see cref="ReliabilityOptions.FlagDecisionMargin"/> of a coin flip, or when the best source on each side has a
    /// credible interval overlapping the other's by more than <see cref="ReliabilityOptions.MaxIntervalOverlap"/>.
    /// </summary>
    public static SideAssessment WhichSideIsMoreLikelyRight(
        IReadOnlyCollection<SourceReliability> sideA, IReadOnlyCollection<SourceReliability> sideB, ReliabilityOptions? options = null)
    {
        options ??= ReliabilityOptions.Default;
        if (sideA.Count == 0 || sideB.Count == 0)
            return new SideAssessment(FlagSide.Undetermined, 0.5, "One side has no rated source.");

        var score = sideA.Sum(s => s.Posterior.ExpectedLogOdds) - sideB.Sum(s => s.Posterior.ExpectedLogOdds);
        var probabilityA = TruthDiscovery.Sigmoid(score);
        var bestA = sideA.MaxBy(s => s.Estimate)!;
        var bestB = sideB.MaxBy(s => s.Estimate)!;
        var overlap = Overlap(bestA, bestB);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"P(A right) = {probabilityA:0.00}; best sources {bestA.Source.Name} {bestA.Estimate:0.00} [{bestA.Lower:0.00}, {bestA.Upper:0.00}] vs {bestB.Source.Name} {bestB.Estimate:0.00} [{bestB.Lower:0.00}, {bestB.Upper:0.00}], intervals overlap {overlap:P0}.");

        if (Math.Abs(probabilityA - 0.5) < options.FlagDecisionMargin || overlap > options.MaxIntervalOverlap)
            return new SideAssessment(FlagSide.Undetermined, probabilityA, "Undetermined: " + text);
        return new SideAssessment(probabilityA > 0.5 ? FlagSide.A : FlagSide.B, probabilityA, text);
    }

    /// <summary>Length of the intersection of the two intervals as a share of the narrower one.</summary>
    internal static double Overlap(SourceReliability x, SourceReliability y)
    {
        var intersection = Math.Min(x.Upper, y.Upper) - Math.Max(x.Lower, y.Lower);
        if (intersection <= 0) return 0;
        var narrower = Math.Min(x.IntervalWidth, y.IntervalWidth);
        return narrower <= 0 ? 1 : Math.Min(1, intersection / narrower);
    }
}
