namespace Contradictions.Core.Reliability;

/// <summary>How far a source can be trusted: an estimate, a credible interval and the evidence, never a bare number.</summary>
/// <param name="Source">The source.</param>
/// <param name="Estimate">Posterior mean probability that the source is right.</param>
/// <param name="Lower">Lower end of the credible interval (<see cref="ReliabilityOptions.CredibleLevel"/>).</param>
/// <param name="Upper">Upper end of the credible interval.</param>
/// <param name="Prior">The prior the estimate started from.</param>
/// <param name="Posterior">The Beta posterior.</param>
/// <param name="Evidence">Counts of the evidence.</param>
/// <param name="Explanation">Human-readable reasons, most important first.</param>
public sealed record SourceReliability(
    SourceRef Source,
    double Estimate,
    double Lower,
    double Upper,
    BetaDistribution Prior,
    BetaDistribution Posterior,
    EvidenceCounts Evidence,
    IReadOnlyList<string> Explanation)
{
    public double IntervalWidth => Upper - Lower;
}
