namespace Contradictions.Core.Reliability.Veracity;

/// <summary>Knobs of <see cref="VeracityPredictor"/>.</summary>
public sealed record VeracityOptions
{
    public static VeracityOptions Default { get; } = new();

    /// <summary>Weight each source's vote by its learned reliability; false gives every source weight 1 (an ablation).</summary>
    /// <value>Defaults to true.</value>
    public bool WeightBySource { get; init; } = true;

    /// <summary>Options of the underlying truth-discovery model.</summary>
    /// <value>Defaults to <see cref="ReliabilityOptions.Default"/> with <see cref="ReliabilityOptions.VerdictEvidenceWeight"/> 1:
    /// every training claim has a label, so there is nothing weaker to weigh the labels against.</value>
    public ReliabilityOptions Reliability { get; init; } = ReliabilityOptions.Default with { VerdictEvidenceWeight = 1 };

    /// <summary>Step of the grid over which the "unknown" band of P(true) is tuned on the training claims.</summary>
    /// <value>Defaults to 0.02.</value>
    public double ThresholdStep { get; init; } = 0.02;
}
