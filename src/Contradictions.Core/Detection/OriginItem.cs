namespace Contradictions.Core.Detection;

/// <summary>
/// A claim sentence for copy detection. Pass an article's items in reading order: a sentence next to a copied
/// sentence, in the same position in both articles, needs less overlap to count as copied too.
/// </summary>
public sealed record OriginItem(long ClaimId, string ArticleKey, string? Outlet, string Text);
