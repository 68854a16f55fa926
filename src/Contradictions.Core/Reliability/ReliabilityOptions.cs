namespace Contradictions.Core.Reliability;

/// <summary>Knobs of <see cref="TruthDiscovery"/>. The defaults are documented so that results can be explained.</summary>
public sealed record ReliabilityOptions
{
    public static ReliabilityOptions Default { get; } = new();

    /// <summary>Prior for sources without an entry in <see cref="EvidenceGraph.Priors"/>: mean 0.6, worth five observations.</summary>
    /// <value>Defaults to Beta(3, 2).</value>
    /// <remarks>Slightly above 0.5 because sources are usually right more often than not; this also breaks the
    /// symmetry under which an unsupervised truth-discovery model could flip every claim.</remarks>
    public BetaDistribution DefaultPrior { get; init; } = new(3, 2);

    /// <summary>Prior probability that a claim without a verdict is true.</summary>
    /// <value>Defaults to 0.5.</value>
    public double ClaimPrior { get; init; } = 0.5;

    /// <summary>Width of the credible intervals.</summary>
    /// <value>Defaults to 0.9 (a 90% interval from the 5% and 95% Beta quantiles).</value>
    public double CredibleLevel { get; init; } = 0.9;

    /// <summary>Credit of an outlet or intermediary that relays someone else's words, relative to the speaker's 1.</summary>
    /// <value>Defaults to 0.5.</value>
    /// <remarks>The outlet vouches for its reporting, the speaker for the words: a relayed falsehood counts half
    /// against the relay. An outlet speaking in its own voice (no speaker in the chain) gets full credit.</remarks>
    public double RelayCredit { get; init; } = 0.5;

    /// <summary>Weight of a mention resting on an anonymous source, as evidence for the claim's truth.</summary>
    /// <value>Defaults to 0.5.</value>
    /// <remarks>Applied to every link of such a mention when estimating truth; sources are still held fully
    /// accountable for what they publish when estimating their reliability.</remarks>
    public double AnonymousWeight { get; init; } = 0.5;

    /// <summary>Weight of a denial by the party a claim was attributed to, relative to an ordinary refutation.</summary>
    /// <value>Defaults to 2.</value>
    /// <remarks>The quoted party knows best whether they said it; a denial also removes the attributed
    /// support from that party's record.</remarks>
    public double DenialWeight { get; init; } = 2;

    /// <summary>Evidence weight of a claim with a reviewer verdict in a source's record, relative to an inferred claim.</summary>
    /// <value>Defaults to 2.</value>
    /// <remarks>Verdicts are the strongest evidence: the claim's truth is known rather than estimated.</remarks>
    public double VerdictEvidenceWeight { get; init; } = 2;

    /// <summary>Upper bound on EM iterations.</summary>
    /// <value>Defaults to 200.</value>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when no claim's truth probability moves more than this in an iteration.</summary>
    /// <value>Defaults to 1e-4.</value>
    /// <remarks>EM converges linearly; beyond four decimals nothing a reader sees changes.</remarks>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Below this much evidence (in observations, beyond the prior) a source is explained as "mostly prior".</summary>
    /// <value>Defaults to 3.</value>
    public double LittleEvidence { get; init; } = 3;

    /// <summary>
    /// <see cref="FlagComparison"/> calls a side more likely right only when its probability is at least 0.5 plus this margin.
    /// </summary>
    /// <value>Defaults to 0.15 (65%).</value>
    public double FlagDecisionMargin { get; init; } = 0.15;

    /// <summary>
    /// <see cref="FlagComparison"/> stays undetermined when the best sources' intervals overlap by more than this
    /// share of the narrower interval.
    /// </summary>
    /// <value>Defaults to 0.5.</value>
    public double MaxIntervalOverlap { get; init; } = 0.5;
}
