namespace Contradictions.Core.Detection;

/// <summary>Features of a claim pair (names in <see cref="PairFeatureExtractor.Names"/>), the cues that fired, and the rule-based kind.</summary>
public sealed record PairAnalysis(float[] Features, IReadOnlyList<string> Cues, FlagKind Kind);
