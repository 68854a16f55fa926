using Contradictions.Core.Articles;
using Contradictions.Core.Claims;

namespace Contradictions.Core.Tests.Detection;

/// <summary>The five seed articles' claims with ids <c>seed × 1000 + ordinal</c>.</summary>
internal static class SeedCorpus
{
    public static IReadOnlyList<(long Id, Article Article, Claim Claim)> Claims { get; } = Load();

    public static long IdOf(string seedPrefix, Func<Claim, bool> match) =>
        Claims.Single(c => c.Article.Id.StartsWith(seedPrefix + "_", StringComparison.Ordinal) && match(c.Claim)).Id;

    private static List<(long, Article, Claim)> Load()
    {
        var result = new List<(long, Article, Claim)>();
        foreach (var file in Directory.GetFiles(RepoRoot.File("data", "articles"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            int seed = int.Parse(name[..3], System.Globalization.CultureInfo.InvariantCulture);
            var article = ArticleFactory.Create(name, File.ReadAllText(file), null, null);
            foreach (var claim in ClaimExtractor.Extract(article)) result.Add((seed * 1000L + claim.Ordinal, article, claim));
        }
        return result;
    }
}
