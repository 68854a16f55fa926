using Contradictions.Core.Detection;

namespace Contradictions.ML.Detection;

/// <summary>
/// A labelled claim pair for the pair model. <see cref="Synthetic"/> marks rewrites (a denial or negation written
/// from a corpus sentence), whose labels hold by construction, so calibration can be reported on real pairs alone.
/// </summary>
public sealed record DerivedPair(ClaimContext A, ClaimContext B, bool Contradiction, string PassageId, bool Synthetic = false);
