using Contradictions.Core.Detection;

namespace Contradictions.Storage.Detection;

/// <summary>
/// Corroboration groups over everything stored: claims sharing a copy origin, joined by the restatements every scan
/// recorded (<see cref="ClaimStore.Restatements"/>). One definition for the scan's output and for source reliability,
/// so what <c>scan</c> calls independent corroboration is what the reliability model counts.
/// </summary>
public static class StoredCorroborations
{
    public static CorroborationGroups Build(
        IEnumerable<StoredClaim> claims,
        IReadOnlyDictionary<long, StoredArticle> articles,
        IReadOnlyDictionary<long, string> origins,
        IEnumerable<(long A, long B)> restatements)
    {
        var list = claims.Select(c => new ClaimOrigin(
            c.ClaimId,
            origins.GetValueOrDefault(c.ClaimId) ?? OriginClusterer.OriginIdOf(c.ClaimId),
            articles[c.ArticleRowId].Article.Outlet,
            c.Claim.Speaker?.Key)).ToList();
        var known = list.Select(c => c.ClaimId).ToHashSet();
        // A restatement names two stored claims; anything else (a claim deleted since) would become a phantom group.
        return CorroborationGroups.Build(list, restatements.Where(p => known.Contains(p.A) && known.Contains(p.B)));
    }
}
