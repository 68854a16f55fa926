namespace Contradictions.Core.Detection;

/// <summary>
/// A claim sentence for copy detection. Pass an article's items in reading order: a sentence next to a copied
/// sentence, in the same position in both articles, needs less overlap to count as copied too.
/// </summary>
public sealed record OriginItem(long ClaimId, string ArticleKey, string? Outlet, string Text)
{
    /// <summary>The text's sketch if made ahead by the same clusterer's <see cref="OriginClusterer.Sketch"/>; else it is made from the text.</summary>
    public OriginSketch? Sketch { get; init; }
}

/// <summary>A text's sorted distinct shingle hashes (empty below the minimum words) and its MinHash band keys.</summary>
public sealed record OriginSketch(ulong[] Shingles, ulong[] BandHashes);
