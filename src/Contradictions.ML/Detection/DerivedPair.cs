using Contradictions.Core.Detection;

namespace Contradictions.ML.Detection;

/// <summary>A claim pair derived from stance data: a headline and the body sentence that best matches it; contradiction when the body disagrees.</summary>
public sealed record DerivedPair(ClaimContext A, ClaimContext B, bool Contradiction, string PassageId);
