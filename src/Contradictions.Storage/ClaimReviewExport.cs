using Contradictions.Core.Claims;

namespace Contradictions.Storage;

/// <summary>Who made a claim: a person, or an organisation (outlet, ministry, government).</summary>
public sealed record Claimant(string Name, bool IsPerson);

/// <summary>
/// A contradiction a reviewer settled: <see cref="WrongClaim"/> is the side judged wrong, with its claimant and
/// the article it appeared in; <see cref="RightClaim"/> is the side judged right.
/// </summary>
public sealed record SettledContradiction(
    long FlagId,
    string Verdict,
    string Reviewer,
    DateTimeOffset ReviewedAt,
    string WrongClaim,
    Claimant? Claimant,
    string ArticleKey,
    string? ArticleUrl,
    string? ArticleTitle,
    string? Outlet,
    DateOnly? Published,
    string RightClaim);

/// <summary>
/// Flags whose latest verdict says which side is right (<c>a_right</c>, <c>b_right</c>), as the material of
/// schema.org ClaimReviews. <c>unresolved</c> is left out on purpose: it says the two claims cannot both be true,
/// not which one is false, and a ClaimReview rating either side would claim more than the reviewer did.
/// </summary>
public static class ClaimReviewExport
{
    /// <summary>One row per settled flag, in flag id order.</summary>
    public static IReadOnlyList<SettledContradiction> Rows(ClaimStore store)
    {
        var settled = new List<QueuedFlag>();
        foreach (var verdict in new[] { VerdictKinds.ARight, VerdictKinds.BRight })
            settled.AddRange(store.QueryFlags(new FlagFilter { Status = verdict }, 0, int.MaxValue).Items);
        var claims = store.FindClaims(settled.SelectMany(q => new[] { q.Flag.ClaimA, q.Flag.ClaimB }));
        var articles = store.FindArticleRows(claims.Values.Select(c => c.ArticleRowId));
        var rows = new List<SettledContradiction>();
        foreach (var q in settled.OrderBy(q => q.Flag.Id))
        {
            if (!claims.TryGetValue(q.Flag.ClaimA, out var a) || !claims.TryGetValue(q.Flag.ClaimB, out var b)) continue;
            var (wrong, right) = q.Status == VerdictKinds.ARight ? (b, a) : (a, b);
            var latest = store.Verdicts(q.Flag.Id)[^1];
            var article = articles[wrong.ArticleRowId].Article;
            rows.Add(new SettledContradiction(q.Flag.Id, latest.Verdict, latest.Reviewer, latest.CreatedAt, wrong.Claim.Text,
                ClaimantOf(wrong.Claim, article.Outlet), article.Id, article.Url, article.Title, article.Outlet, article.Published, right.Claim.Text));
        }
        return rows;
    }

    /// <summary>
    /// The innermost named link of the chain (the speaker, else the body or outlet relaying an anonymous source),
    /// else the article's outlet. A person when the attribution parser classified the link as one, or when the
    /// claim's entities name it as a person; otherwise an organisation.
    /// </summary>
    public static Claimant? ClaimantOf(Claim claim, string? outlet)
    {
        for (int i = claim.Chain.Count - 1; i >= 0; i--)
        {
            var link = claim.Chain[i];
            if (link.Anonymous || link.Kind == LinkKind.Anonymous) continue;
            bool person = link.Kind == LinkKind.Person || (link.Kind == LinkKind.Unknown &&
                claim.Entities.Any(e => e.Kind == EntityKind.Person && string.Equals(e.Name, link.Name, StringComparison.OrdinalIgnoreCase)));
            return new Claimant(link.Name, person);
        }
        return string.IsNullOrWhiteSpace(outlet) ? null : new Claimant(outlet, IsPerson: false);
    }
}
