namespace Contradictions.Core.Reliability.Veracity;

/// <summary>How often held-out behaviour of sources fell inside what the training folds predicted.</summary>
/// <param name="Description">What was checked.</param>
/// <param name="Sources">Source–fold cases checked.</param>
/// <param name="Covered">Cases inside the interval.</param>
public sealed record IntervalCoverage(string Description, int Sources, int Covered)
{
    public double Rate => Sources == 0 ? 0 : (double)Covered / Sources;
}
