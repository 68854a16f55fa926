namespace Contradictions.Core.Detection;

/// <summary>
/// A claim retrieved for another: <see cref="Score"/> is the weighted overlap (dot product of the two subjects'
/// normalised features, over features whose postings were not capped); the counts say how many entity and
/// non-entity features (stems and numbers) the two share.
/// </summary>
public readonly record struct Candidate(long ClaimId, float Score, int SharedEntities, int SharedTerms);
