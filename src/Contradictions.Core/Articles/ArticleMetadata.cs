namespace Contradictions.Core.Articles;

/// <summary>Metadata a reader found next to the text (JSONL/CSV columns, HTML meta tags); all optional.</summary>
public sealed record ArticleMetadata(string? Url = null, string? Outlet = null, DateOnly? Published = null, string? Title = null);
