namespace Contradictions.Core.Reliability.Veracity;

/// <summary>A predicted veracity for one claim.</summary>
/// <param name="Confidence">Probability of the predicted label under the method's own model (for "unknown": how far from decided).</param>
/// <param name="ProbabilityTrue">Probability that the claim is true given that it is decided; 0.5 for methods without one.</param>
public sealed record VeracityPrediction(string ClaimId, Veracity Predicted, double Confidence, double ProbabilityTrue);
