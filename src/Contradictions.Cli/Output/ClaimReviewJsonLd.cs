using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contradictions.Storage;

namespace Contradictions.Cli.Output;

/// <summary>
/// schema.org ClaimReview JSON-LD: one document with <c>@context</c> https://schema.org and a <c>@graph</c> of one
/// ClaimReview per settled contradiction. The rating is of the side judged wrong: 1 on a 1–5 scale, "False".
/// </summary>
internal static class ClaimReviewJsonLd
{
    public const int WorstRating = 1;
    public const int BestRating = 5;

    // The default encoder also escapes <, > and &, so the output can be pasted into a
    // <script type="application/ld+json"> element without an article's text closing it.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Write(IReadOnlyList<SettledContradiction> rows)
    {
        var graph = new JsonArray();
        foreach (var row in rows) graph.Add(Review(row));
        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = graph,
        };
        return document.ToJsonString(Json);
    }

    private static JsonObject Review(SettledContradiction row)
    {
        var appearance = new JsonObject { ["@type"] = "CreativeWork" };
        if (row.ArticleUrl is not null) appearance["url"] = row.ArticleUrl;
        else appearance["identifier"] = row.ArticleKey;
        if (row.ArticleTitle is not null) appearance["headline"] = row.ArticleTitle;
        if (row.Published is DateOnly published) appearance["datePublished"] = Date(published);
        if (row.Outlet is not null) appearance["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = row.Outlet };

        var claim = new JsonObject { ["@type"] = "Claim" };
        if (row.Claimant is { } claimant) claim["author"] = new JsonObject { ["@type"] = claimant.IsPerson ? "Person" : "Organization", ["name"] = claimant.Name };
        if (row.Published is DateOnly made) claim["datePublished"] = Date(made);
        claim["appearance"] = appearance;

        var review = new JsonObject
        {
            ["@type"] = "ClaimReview",
            ["claimReviewed"] = row.WrongClaim,
            ["itemReviewed"] = claim,
            ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = row.Reviewer },
            ["datePublished"] = row.ReviewedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = WorstRating,
                ["worstRating"] = WorstRating,
                ["bestRating"] = BestRating,
                ["alternateName"] = "False",
                ["ratingExplanation"] = $"Contradicted by a claim a reviewer judged right: {row.RightClaim}",
            },
            ["identifier"] = $"flag-{row.FlagId}",
        };
        if (row.ArticleUrl is not null) review["url"] = row.ArticleUrl;
        return review;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
