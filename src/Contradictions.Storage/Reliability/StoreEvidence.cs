using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Reliability;

namespace Contradictions.Storage.Reliability;

/// <summary>Settings for <see cref="StoreEvidence.Build"/>.</summary>
public sealed record StoreEvidenceOptions
{
    public static StoreEvidenceOptions Default { get; } = new();

    /// <summary>Flags at or above this calibrated confidence count as a conflict between their two sides.</summary>
    /// <value>Defaults to 0.5: a flag counts only when the detector thinks a contradiction more likely than not.</value>
    public double MinFlagConfidence { get; init; } = 0.5;

    /// <summary>
    /// Hook for reviewer verdicts (none are stored yet): flag id → true when the flag's supporting side held
    /// (see <see cref="EvidenceFlag.SupportingClaimId"/>), false when its refuting side did. A verdict fixes the
    /// truth of the flag's proposition in the graph. When verdicts are stored, load them into this map.
    /// </summary>
    public IReadOnlyDictionary<long, bool> FlagVerdicts { get; init; } = new Dictionary<long, bool>();
}

/// <summary>One stored claim as evidence: where it appeared, the sources of its chain and its copy origin.</summary>
/// <param name="ClaimId">Stored claim id.</param>
/// <param name="Article">Article label (file name or input id).</param>
/// <param name="Text">The claim.</param>
/// <param name="Polarity">Asserted, denied, hedged or question.</param>
/// <param name="Chain">Display names outlet → … → speaker, as credited (the article's outlet first when the claim's chain lacked it).</param>
/// <param name="Sources">The sources credited, in chain order.</param>
/// <param name="OriginId">Copy origin: copies of one paragraph share it.</param>
/// <param name="NodeId">The proposition in the graph (one per origin).</param>
/// <param name="HasOutlet">The first source is the publishing outlet; false when neither the chain nor the article names one.</param>
public sealed record EvidenceClaim(
    long ClaimId, string Article, string Text, Polarity Polarity, IReadOnlyList<string> Chain,
    IReadOnlyList<SourceRef> Sources, string OriginId, string NodeId, bool HasOutlet)
{
    /// <summary>The role of the source at <paramref name="index"/> of <see cref="Sources"/>, as the graph credits it.</summary>
    public SourceRole RoleAt(int index) =>
        index == 0 && HasOutlet ? SourceRole.Outlet : index == Sources.Count - 1 ? SourceRole.Speaker : SourceRole.Intermediary;
}

/// <summary>A stored flag as evidence: one proposition that one side supports and the other refutes.</summary>
/// <param name="FlagId">Stored flag id.</param>
/// <param name="Kind">denial, factual or position.</param>
/// <param name="Confidence">Calibrated confidence.</param>
/// <param name="Counted">At or above <see cref="StoreEvidenceOptions.MinFlagConfidence"/>: in the graph.</param>
/// <param name="SupportingClaimId">The side that supports the proposition (for a denial, the claim denied).</param>
/// <param name="RefutingClaimId">The side that refutes it (for a denial, the denying claim).</param>
/// <param name="NodeId">The proposition's id in the graph.</param>
/// <param name="Verdict">Reviewer verdict when there is one (true: the supporting side held).</param>
public sealed record EvidenceFlag(
    long FlagId, FlagKind Kind, float Confidence, bool Counted, long SupportingClaimId, long RefutingClaimId, string NodeId, bool? Verdict);

/// <summary>
/// The source–claim evidence graph built from the store, with what it was built from so that a score can be explained.
/// </summary>
/// <remarks>
/// <para>Claims: every stored claim is one mention supporting the proposition of its copy origin (node <c>claim:&lt;origin&gt;</c>),
/// credited to every link of its chain, outlet first. Copies share the origin, so a paragraph repeated in three
/// articles is one voice; an anonymous link becomes <see cref="SourceRef.AnonymousSpeaker"/> of the outlet.
/// A claim whose chain does not start with an outlet gets its article's outlet prepended; when neither names an
/// outlet the chain is credited without one (its last link as speaker, the others as relays); a claim with no
/// source at all is skipped.</para>
/// <para>Flags: a flag at or above <see cref="StoreEvidenceOptions.MinFlagConfidence"/> is one proposition (node
/// <c>flag:&lt;id&gt;</c>); every copy of side A supports it and every copy of side B refutes it. For a
/// <c>denial</c> flag the denying side (polarity Denied) refutes and the claim denied supports.</para>
/// <para>Outlet priors: for each outlet the first rated domain among the article URL's host (when the outlet
/// is the article's), the known domain of its name (<see cref="OutletDetector.DomainFor"/>: "New York Post" →
/// nypost.com), the name itself when it is a domain, and the lower-cased name without spaces plus ".com".</para>
/// </remarks>
public sealed class StoreEvidence
{
    private StoreEvidence(EvidenceGraph graph, IReadOnlyList<EvidenceClaim> claims, IReadOnlyList<EvidenceFlag> flags, StoreEvidenceOptions options)
    {
        Graph = graph;
        Claims = claims;
        Flags = flags;
        Options = options;
    }

    public EvidenceGraph Graph { get; }

    /// <summary>Every stored claim credited to at least one source.</summary>
    public IReadOnlyList<EvidenceClaim> Claims { get; }

    /// <summary>Every stored flag between claims of this store, counted or not.</summary>
    public IReadOnlyList<EvidenceFlag> Flags { get; }

    public StoreEvidenceOptions Options { get; }

    public static string ClaimNodeId(string originId) => "claim:" + originId;

    public static string FlagNodeId(long flagId) => "flag:" + flagId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static StoreEvidence Build(ClaimStore store, SourcePriors? priors = null, StoreEvidenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= StoreEvidenceOptions.Default;
        priors ??= SourcePriors.Empty;
        var articles = store.ListArticles().ToDictionary(a => a.RowId);
        var origins = store.Origins();
        var builder = new EvidenceGraphBuilder();
        var outletDomains = new Dictionary<SourceRef, List<string>>();
        var claims = new List<EvidenceClaim>();
        var byId = new Dictionary<long, (EvidenceClaim Claim, IReadOnlyList<ChainLink> Links)>();
        foreach (var stored in store.AllClaims())
        {
            var article = articles[stored.ArticleRowId].Article;
            var (links, names, hasOutlet) = Chain(stored.Claim, article, outletDomains);
            if (links.Count == 0) continue;
            var origin = origins.GetValueOrDefault(stored.ClaimId) ?? OriginClusterer.OriginIdOf(stored.ClaimId);
            var evidence = new EvidenceClaim(stored.ClaimId, ArticleLabel(articles[stored.ArticleRowId]), stored.Claim.Text, stored.Claim.Polarity,
                names, links.Select(l => l.Source).ToArray(), origin, ClaimNodeId(origin), hasOutlet);
            claims.Add(evidence);
            byId[stored.ClaimId] = (evidence, links);
            AddMention(builder, evidence, evidence.NodeId, AssertionStance.Supports, links);
        }

        var copies = claims.GroupBy(c => c.OriginId).ToDictionary(g => g.Key, g => g.ToList());
        var flags = new List<EvidenceFlag>();
        foreach (var flag in store.Flags())
        {
            if (!byId.TryGetValue(flag.ClaimA, out var a) || !byId.TryGetValue(flag.ClaimB, out var b)) continue;
            // For a denial the denying side refutes; otherwise A supports and B refutes (the model is symmetric in the choice).
            var swap = flag.Kind == FlagKind.Denial && a.Claim.Polarity == Polarity.Denied && b.Claim.Polarity != Polarity.Denied;
            var (supporting, refuting) = swap ? (b.Claim, a.Claim) : (a.Claim, b.Claim);
            var node = FlagNodeId(flag.Id);
            bool? verdict = options.FlagVerdicts.TryGetValue(flag.Id, out var v) ? v : null;
            var counted = flag.Confidence >= options.MinFlagConfidence;
            flags.Add(new EvidenceFlag(flag.Id, flag.Kind, flag.Confidence, counted, supporting.ClaimId, refuting.ClaimId, node, verdict));
            if (!counted) continue;
            builder.AddClaim(node, verdict);
            foreach (var copy in copies[supporting.OriginId])
                AddMention(builder, copy, node, AssertionStance.Supports, byId[copy.ClaimId].Links);
            foreach (var copy in copies[refuting.OriginId])
                AddMention(builder, copy, node, AssertionStance.Refutes, byId[copy.ClaimId].Links);
        }

        foreach (var (outlet, domains) in outletDomains)
        {
            foreach (var domain in domains)
            {
                if (priors.TryGetPrior(SourceRef.Outlet(domain), out var prior))
                {
                    builder.SetPrior(outlet, prior);
                    break;
                }
            }
        }

        return new StoreEvidence(builder.Build(), claims, flags, options);
    }

    /// <summary>
    /// <see cref="EvidenceGraphBuilder.AddMention"/> when the chain starts with its outlet; otherwise the links are
    /// credited as relays and speaker, so that a speaker is never mistaken for a publisher.
    /// </summary>
    private static void AddMention(EvidenceGraphBuilder builder, EvidenceClaim claim, string node, AssertionStance stance, IReadOnlyList<ChainLink> links)
    {
        if (claim.HasOutlet)
        {
            builder.AddMention(node, claim.OriginId, stance, links);
            return;
        }

        for (var i = 0; i < links.Count; i++)
            builder.AddAssertion(new SourceAssertion(links[i].Source, node, claim.RoleAt(i), stance, claim.OriginId, links[i].Anonymous));
    }

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
