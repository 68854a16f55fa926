namespace Contradictions.Core.Reliability;

/// <summary>One source's part in one mention of a claim.</summary>
/// <param name="Source">Who.</param>
/// <param name="ClaimId">Which <see cref="ClaimNode"/>.</param>
/// <param name="Role">Their link in the attribution chain.</param>
/// <param name="Stance">What the mention says about the claim.</param>
/// <param name="OriginId">
/// The original statement the mention derives from. Copies of one article share it (as the copy detector marks them),
/// and so do the links of one chain; assertions with one origin are one voice for the claim's truth.
/// </param>
/// <param name="Anonymous">The source is an anonymous class ("unnamed official"): the mention is weaker evidence.</param>
public sealed record SourceAssertion(
    SourceRef Source,
    string ClaimId,
    SourceRole Role,
    AssertionStance Stance,
    string OriginId,
    bool Anonymous = false);
