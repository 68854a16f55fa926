using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Reliability;

namespace Contradictions.Storage.Reliability;

/// <summary>How a stored claim's attribution chain becomes the sources it credits, and where outlet priors are looked up.</summary>
public sealed partial class StoreEvidence
{
    /// <summary>The sources of a claim's chain, outlet first, and the display names.</summary>
    private static (List<ChainLink> Links, List<string> Names, bool HasOutlet) Chain(Claim claim, Article article, Dictionary<SourceRef, List<string>> outletDomains)
    {
        var links = new List<ChainLink>();
        var names = new List<string>();
        var chain = claim.Chain;
        string? outlet = null;
        var fromArticle = false;
        var start = 0;
        if (chain.Count > 0 && chain[0].Kind == LinkKind.Outlet)
        {
            outlet = chain[0].Name;
            start = 1;
            fromArticle = article.Outlet is { } o && SourceRef.Normalise(o, SourceKind.Outlet) == SourceRef.Normalise(outlet, SourceKind.Outlet);
        }
        else if (!string.IsNullOrWhiteSpace(article.Outlet))
        {
            outlet = article.Outlet;
            fromArticle = true;
        }

        if (outlet is not null)
        {
            var source = SourceRef.Outlet(outlet);
            links.Add(new ChainLink(source));
            names.Add(outlet);
            if (!outletDomains.TryGetValue(source, out var domains)) outletDomains[source] = domains = [];
            foreach (var domain in CandidateDomains(outlet, fromArticle ? article.Url : null))
                if (!domains.Contains(domain)) domains.Add(domain);
        }

        for (var i = start; i < chain.Count; i++)
        {
            var link = chain[i];
            if (string.IsNullOrWhiteSpace(link.Name) || SourceRef.Normalise(link.Name, SourceKind.Speaker).Length == 0) continue;
            SourceRef source;
            if (link.Anonymous || link.Kind == LinkKind.Anonymous)
                source = SourceRef.AnonymousSpeaker(link.Name, outlet ?? "unknown outlet");
            else if (link.Kind == LinkKind.Outlet)
            {
                source = SourceRef.Outlet(link.Name);
                if (!outletDomains.TryGetValue(source, out var domains)) outletDomains[source] = domains = [];
                foreach (var domain in CandidateDomains(link.Name, null))
                    if (!domains.Contains(domain)) domains.Add(domain);
            }
            else source = SourceRef.Speaker(link.Name);
            links.Add(new ChainLink(source, link.Anonymous || link.Kind == LinkKind.Anonymous));
            names.Add(link.Name);
        }

        return (links, names, outlet is not null);
    }

    /// <summary>Domains to look an outlet up by, in order (see the class remarks).</summary>
    public static IEnumerable<string> CandidateDomains(string outletName, string? articleUrl)
    {
        if (!string.IsNullOrWhiteSpace(articleUrl) && Uri.TryCreate(articleUrl.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            yield return uri.Host;
        if (OutletDetector.DomainFor(outletName) is { } known) yield return known;
        var name = outletName.Trim().ToLowerInvariant();
        if (name.Contains('.') && !name.Contains(' ')) yield return name;
        var squashed = new string([.. name.Where(char.IsLetterOrDigit)]);
        if (squashed.Length > 0) yield return squashed + ".com";
    }

    private static string ArticleLabel(StoredArticle a) => a.Article.SourceName is { } s && File.Exists(s) ? Path.GetFileName(s) : a.Article.Id;
}
