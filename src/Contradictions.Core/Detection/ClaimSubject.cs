namespace Contradictions.Core.Detection;

/// <summary>
/// What a claim is about, for candidate retrieval: normalised entity keys, the salient weighted features and the
/// numbers it mentions. <see cref="Terms"/> holds stems and the prefixed entity (<c>e:</c>) and number (<c>n:</c>)
/// features, L2-normalised together and sorted by weight (heaviest first), so the dot product of two subjects is
/// their cosine similarity. <see cref="SpeakerKey"/> is the innermost attribution link's key (the outlet for an
/// unattributed sentence), or null when the claim has no chain.
/// </summary>
public sealed record ClaimSubject(
    long ClaimId,
    string ArticleKey,
    string? SpeakerKey,
    IReadOnlyList<string> EntityKeys,
    IReadOnlyList<WeightedTerm> Terms,
    IReadOnlyList<string> Numbers);
