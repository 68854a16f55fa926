using Contradictions.Core.Articles;
using Contradictions.Core.Claims;

namespace Contradictions.Core.Tests;

internal static class TestArticles
{
    public const string Outlet = "Daily Planet";

    public static IReadOnlyList<Claim> Claims(string text, string? outlet = Outlet, DateOnly? published = null) =>
        ClaimExtractor.Extract(ArticleFactory.Create("test.txt", text, new ArticleMetadata(Outlet: outlet, Published: published)));

    /// <summary>Claims of a one-line text preceded by a dummy headline, so the sentence is not the headline.</summary>
    public static Claim Single(string sentence, string? outlet = Outlet)
    {
        var claims = Claims("Headline about something important here.\n" + sentence, outlet);
        return Assert.Single(claims, c => !c.IsHeadline);
    }

    public static IReadOnlyList<Claim> Seed(string prefix)
    {
        var file = Directory.GetFiles(RepoRoot.File("data", "articles"), prefix + "_*.txt").Single();
        return ClaimExtractor.Extract(ArticleFactory.Create(System.IO.Path.GetFileName(file), File.ReadAllText(file)));
    }

    public static string[] Names(Claim c) => c.Chain.Select(l => l.Name).ToArray();
}
