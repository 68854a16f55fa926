using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Reliability;

namespace Contradictions.Storage.Reliability;

/// <summary>How a stored claim's attribution chain becomes the sources it credits, and where outlet priors are looked up.</summary>
public sealed partial class StoreEvidence
{
    /// <summary>
    /// What chains share across the store: one <see cref="SourceRef"/> per name (normalising every link of 100k claims
    /// anew was a large part of building the graph) and the domains to look each outlet up by, gathered once per
    /// outlet name and article address.
    /// </summary>
    private sealed class ChainSources
    {
        private readonly HashSet<(string Name, string? Url)> _done = [];
        private readonly Dictionary<(string Name, SourceKind Kind), SourceRef> _sources = [];
        private readonly Dictionary<(string Description, string Outlet), SourceRef> _anonymous = [];
        private readonly Dictionary<string, bool> _usable = new(StringComparer.Ordinal);

        public Dictionary<SourceRef, List<string>> Domains { get; } = [];

        public void AddDomains(SourceRef outlet, string name, string? url)
        {
            if (!_done.Add((name, url))) return;
            if (!Domains.TryGetValue(outlet, out var domains)) Domains[outlet] = domains = [];
            foreach (var domain in CandidateDomains(name, url))
                if (!domains.Contains(domain)) domains.Add(domain);
        }

        public SourceRef Get(string name, SourceKind kind)
        {
            if (!_sources.TryGetValue((name, kind), out var source)) _sources[(name, kind)] = source = new SourceRef(name, kind);
            return source;
        }

        public SourceRef Anonymous(string description, string outlet)
        {
            if (!_anonymous.TryGetValue((description, outlet), out var source))
                _anonymous[(description, outlet)] = source = SourceRef.AnonymousSpeaker(description, outlet);
            return source;
        }

        /// <summary>A link name that names someone (not blank, not only punctuation).</summary>
        public bool Usable(string name)
        {
            if (!_usable.TryGetValue(name, out var usable))
                _usable[name] = usable = !string.IsNullOrWhiteSpace(name) && SourceRef.Normalise(name, SourceKind.Speaker).Length > 0;
            return usable;
        }
    }

    /// <summary>The sources of a claim's chain, outlet first, and the display names.</summary>
    private static (List<ChainLink> Links, List<string> Names, bool HasOutlet) Chain(Claim claim, ArticleHead article, ChainSources sources)
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
            fromArticle = article.Outlet is { } o && sources.Get(o, SourceKind.Outlet).Equals(sources.Get(outlet, SourceKind.Outlet));
        }
        else if (!string.IsNullOrWhiteSpace(article.Outlet))
        {
            outlet = article.Outlet;
            fromArticle = true;
        }

        if (outlet is not null)
        {
            var source = sources.Get(outlet, SourceKind.Outlet);
            links.Add(new ChainLink(source));
            names.Add(outlet);
            sources.AddDomains(source, outlet, fromArticle ? article.Url : null);
        }

        for (var i = start; i < chain.Count; i++)
        {
            var link = chain[i];
            if (!sources.Usable(link.Name)) continue;
            SourceRef source;
            if (link.Anonymous || link.Kind == LinkKind.Anonymous)
                source = sources.Anonymous(link.Name, outlet ?? "unknown outlet");
            else if (link.Kind == LinkKind.Outlet)
            {
                source = sources.Get(link.Name, SourceKind.Outlet);
                sources.AddDomains(source, link.Name, null);
            }
            else source = sources.Get(link.Name, SourceKind.Speaker);
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
}
