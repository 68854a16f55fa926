namespace Contradictions.Core.Detection;

/// <summary>
/// A query's candidates and how much work it did: <see cref="PostingsScanned"/> is bounded by
/// <see cref="CandidateIndexOptions.MaxPostingsPerQuery"/> and by <see cref="CandidateIndexOptions.MaxQueryTerms"/> ×
/// <see cref="CandidateIndexOptions.MaxPostings"/>, whatever the index size.
/// </summary>
/// <param name="Candidates">Top-k, best first (ties by smaller claim id).</param>
/// <param name="TermsUsed">Query features whose postings were scanned.</param>
/// <param name="TermsSkipped">Query features skipped because their postings exceed the cap (too common to discriminate).</param>
/// <param name="PostingsScanned">Postings read.</param>
/// <param name="ClaimsTouched">Distinct claims that shared at least one scanned feature (before exclusions).</param>
public sealed record CandidateQueryResult(
    IReadOnlyList<Candidate> Candidates,
    int TermsUsed,
    int TermsSkipped,
    long PostingsScanned,
    int ClaimsTouched);
