using Contradictions.Core.Articles;
using Contradictions.Core.Claims;

namespace Contradictions.Storage;

/// <summary>An article as stored: its database row id and when it was ingested.</summary>
public sealed record StoredArticle(long RowId, Article Article, DateTimeOffset IngestedAt, int ClaimCount);

/// <summary>A stored claim with the article it came from (for cross-article work such as contradiction detection).</summary>
public sealed record StoredClaim(long ClaimId, long ArticleRowId, Claim Claim);

public enum StoreOutcome
{
    Added,
    /// <summary>The same content (SHA-256 of the text) was already stored; nothing was written.</summary>
    AlreadyStored,
}

public sealed record StoreResult(StoreOutcome Outcome, long ArticleRowId)
{
    /// <summary>Row ids of the claims stored with the article, in the order given (empty unless it was added).</summary>
    public IReadOnlyList<long> ClaimIds { get; init; } = [];
}
