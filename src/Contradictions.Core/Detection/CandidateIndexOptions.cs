namespace Contradictions.Core.Detection;

/// <summary>Limits that keep <see cref="CandidateIndex"/> near-linear.</summary>
public sealed record CandidateIndexOptions
{
    /// <summary>
    /// A feature in more claims than this is ignored at query time, and its postings are no longer stored:
    /// very common terms and entities ("ukraine") cost the most and discriminate the least. This bounds each
    /// query's work by <see cref="MaxQueryTerms"/> × <see cref="MaxPostings"/> postings (and <see cref="MaxPostingsPerQuery"/>).
    /// </summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxPostings { get; init; } = 1_000;

    /// <summary>
    /// Postings one query may read in all. Features are taken rarest first (the most discriminative) while their
    /// postings fit; the rest are skipped. With <see cref="MaxPostings"/> this makes each query's work constant.
    /// </summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxPostingsPerQuery { get; init; } = 1_000;

    /// <summary>Features of a query subject used, heaviest first (subjects are sorted by weight).</summary>
    /// <value>Defaults to 24.</value>
    public int MaxQueryTerms { get; init; } = 24;

    /// <summary>Candidates scoring below this are dropped.</summary>
    /// <value>Defaults to 0 (any shared feature counts).</value>
    public float MinScore { get; init; }
}
