using System.Text.RegularExpressions;

namespace Contradictions.Core.Articles;

/// <summary>Finds an article's outlet from its URL's domain or from credit phrases in its text.</summary>
public static partial class OutletDetector
{
    private static readonly Dictionary<string, string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reuters.com"] = "Reuters", ["nypost.com"] = "New York Post", ["nytimes.com"] = "New York Times",
        ["bloomberg.com"] = "Bloomberg", ["axios.com"] = "Axios", ["ft.com"] = "Financial Times",
        ["washingtonpost.com"] = "Washington Post", ["wsj.com"] = "Wall Street Journal", ["theguardian.com"] = "The Guardian",
        ["bbc.com"] = "BBC", ["bbc.co.uk"] = "BBC", ["cnn.com"] = "CNN", ["news18.com"] = "News18",
        ["xinhuanet.com"] = "Xinhua", ["news.cn"] = "Xinhua", ["ria.ru"] = "RIA Novosti", ["tass.com"] = "TASS", ["tass.ru"] = "TASS",
        ["pravda.com.ua"] = "Ukrainska Pravda", ["kyivindependent.com"] = "Kyiv Independent", ["apnews.com"] = "Associated Press",
        ["aljazeera.com"] = "Al Jazeera", ["politico.com"] = "Politico", ["politico.eu"] = "Politico", ["afp.com"] = "AFP",
        ["foxnews.com"] = "Fox News", ["nbcnews.com"] = "NBC News", ["cbsnews.com"] = "CBS News", ["abcnews.go.com"] = "ABC News",
        ["dw.com"] = "Deutsche Welle", ["euronews.com"] = "Euronews", ["chinadaily.com.cn"] = "China Daily",
        ["telegraph.co.uk"] = "The Telegraph", ["economist.com"] = "The Economist", ["npr.org"] = "NPR",
        ["interfax.com"] = "Interfax", ["ukrinform.net"] = "Ukrinform", ["planet-today.com"] = "Planet Today",
    };

    /// <summary>The domain of a known outlet name ("New York Post" → "nypost.com"), the reverse of <see cref="FromUrl"/>; null when unknown.</summary>
    public static string? DomainFor(string? outletName)
    {
        if (string.IsNullOrWhiteSpace(outletName)) return null;
        var name = outletName.Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !Domains.ContainsValue(name)) name = name[4..];
        foreach (var (domain, known) in Domains)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase) || string.Equals(known, "The " + name, StringComparison.OrdinalIgnoreCase))
                return domain;
        }
        return null;
    }

    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        // Try the host and each parent domain: "edition.cnn.com" -> "cnn.com".
        for (var h = host; h.Contains('.'); h = h[(h.IndexOf('.') + 1)..])
        {
            if (Domains.TryGetValue(h, out var name)) return name;
        }
        return host;
    }

    /// <summary>
    /// Outlet named by a credit phrase near the start or end of the text: "Reuters reports this",
    /// "This is reported by the New York Post", "Agencies via Xinhua".
    /// </summary>
    public static string? FromText(string text)
    {
        var head = text.Length > 3000 ? text[..3000] : text;
        var m = ReportsThis().Match(head);
        if (m.Success) return Tidy(m.Groups["x"].Value);
        var tail = text.Length > 600 ? text[^600..] : text;
        m = Credit().Match(tail);
        return m.Success ? Tidy(m.Groups["x"].Value) : null;
    }

    private static string Tidy(string s) => s.Trim().TrimEnd('.', ',');

    [GeneratedRegex(@"(?:^|[.!?]\s+|\n)(?:(?:This|It) (?:is|was) (?:reported|written) by (?:the )?(?<x>[\p{Lu}][\p{L}\-.&]*(?: [\p{Lu}][\p{L}\-.&]*){0,4})|(?:the )?(?<x>[\p{Lu}][\p{L}\-.&]*(?: [\p{Lu}][\p{L}\-.&]*){0,4}) (?:reports|reported|writes|wrote) (?:this|so|about this))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex ReportsThis();

    [GeneratedRegex(@"(?:^|\n)\s*(?:\(?(?i:agencies|with agencies)\)?\s*(?i:via|/|and)\s*|(?i:source|sources|via)\s*:\s*)(?<x>[\p{Lu}][\p{L}\-]*(?: [\p{Lu}][\p{L}\-]*){0,3})\.?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex Credit();
}
