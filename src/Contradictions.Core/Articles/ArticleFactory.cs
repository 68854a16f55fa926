using System.Globalization;
using System.Text.RegularExpressions;
using Contradictions.Core.Text;

namespace Contradictions.Core.Articles;

/// <summary>
/// Builds an <see cref="Article"/> from text plus whatever metadata the reader had. Missing fields are inferred:
/// the published date from the seed format's <c> date YYYY-MM-DD</c> prefix, the outlet from the URL's domain or
/// from the text ("Reuters reports this", "Agencies via Xinhua"), the title from the first line.
/// </summary>
public static partial class ArticleFactory
{
    public static Article Create(string id, string text, ArticleMetadata? metadata = null, string? sourceName = null)
    {
        metadata ??= new ArticleMetadata();
        var published = metadata.Published ?? DateFromPrefix(text);
        var outlet = Blank(metadata.Outlet) ?? OutletDetector.FromUrl(metadata.Url) ?? OutletDetector.FromText(text);
        var title = Blank(metadata.Title) ?? FirstLine(text);
        return new Article(id, text)
        {
            Url = Blank(metadata.Url),
            Outlet = outlet,
            Published = published,
            Title = title,
            SourceName = sourceName,
        };
    }

    public static DateOnly? DateFromPrefix(string text)
    {
        var m = DatePrefix().Match(text);
        return m.Success && DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
    }

    // The first sentence of the cleaned text's first 4,000 characters, at most 300 characters.
    private static string? FirstLine(string text)
    {
        var first = Cleaner.FirstSentence(text, 4000);
        return first is { Length: > 300 } ? first[..300] : first;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^\s*date\s+(\d{4}-\d{2}-\d{2})")]
    private static partial Regex DatePrefix();
}
