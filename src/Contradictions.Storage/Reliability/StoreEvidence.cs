using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Reliability;
using Contradictions.Storage.Detection;

namespace Contradictions.Storage.Reliability;

/// <summary>
/// The source–claim evidence graph built from the store, with what it was built from so that a score can be explained.
/// </summary>
/// <remarks>
/// <para>Claims: every stored claim is one mention supporting the proposition of its corroboration group (node
/// <c>claim:&lt;origin&gt;</c>, named after the group's first origin), credited to every link of its chain, outlet
/// first. The group joins copies (one origin, one voice) and independent restatements that <c>scan</c> recorded
/// (<see cref="StoredCorroborations"/>): each origin is its own voice, so independent corroboration raises the
/// proposition's truth and every source voicing it, while a paragraph repeated in ten articles stays one voice.
/// An anonymous link becomes <see cref="SourceRef.AnonymousSpeaker"/> of the outlet. A claim whose chain does not
/// start with an outlet gets its article's outlet prepended; when neither names an outlet the chain is credited
/// without one (its last link as speaker, the others as relays); a claim with no source at all is skipped.</para>
/// <para>Flags: a flag is one proposition (node <c>flag:&lt;id&gt;</c>) that every claim voicing side A supports
/// (copies and restatements) and every claim voicing side B refutes; for a <c>denial</c> flag the denying side
/// (polarity Denied) refutes and the claim denied supports. Counted flags between the same two groups (a claim and
/// its restatement each flagged against the same claim) are one conflict and one proposition, so a conflict is not
/// counted twice because two outlets reported one side. An unreviewed flag counts at or above
/// <see cref="StoreEvidenceOptions.MinFlagConfidence"/>. The latest reviewer verdict overrides that:
/// <c>a_right</c>/<c>b_right</c> count the flag and fix its proposition's truth (the strongest evidence, weighted by
/// <see cref="ReliabilityOptions.VerdictEvidenceWeight"/>); <c>unresolved</c> counts it without fixing a truth;
/// <c>not_contradiction</c> and <c>different_subjects</c> drop it.</para>
/// <para>Outlet priors: for each outlet the first rated domain among the article URL's host (when the outlet
/// is the article's), the known domain of its name (<see cref="OutletDetector.DomainFor"/>: "New York Post" →
/// nypost.com), the name itself when it is a domain, and the lower-cased name without spaces plus ".com".</para>
/// </remarks>
public sealed partial class StoreEvidence
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
        var stored = store.AllClaims();
        var groups = StoredCorroborations.Build(stored, articles, origins, store.Restatements());
        var builder = new EvidenceGraphBuilder();
        var outletDomains = new Dictionary<SourceRef, List<string>>();
        var claims = new List<EvidenceClaim>();
        var byId = new Dictionary<long, (EvidenceClaim Claim, IReadOnlyList<ChainLink> Links)>();
        foreach (var c in stored)
        {
            var article = articles[c.ArticleRowId].Article;
            var (links, names, hasOutlet) = Chain(c.Claim, article, outletDomains);
            if (links.Count == 0) continue;
            var origin = origins.GetValueOrDefault(c.ClaimId) ?? OriginClusterer.OriginIdOf(c.ClaimId);
            var group = groups.GroupOf(c.ClaimId)!;
            var first = group.ClaimIds[0];
            var node = ClaimNodeId(origins.GetValueOrDefault(first) ?? OriginClusterer.OriginIdOf(first));
            var evidence = new EvidenceClaim(c.ClaimId, ArticleLabel(articles[c.ArticleRowId]), c.Claim.Text, c.Claim.Polarity,
                names, links.Select(l => l.Source).ToArray(), origin, node, hasOutlet, group.IndependentOrigins);
            claims.Add(evidence);
            byId[c.ClaimId] = (evidence, links);
            AddMention(builder, evidence, evidence.NodeId, AssertionStance.Supports, links);
        }

        var byOrigin = claims.GroupBy(c => c.OriginId).ToDictionary(g => g.Key, g => g.ToList());
        var byNode = claims.GroupBy(c => c.NodeId).ToDictionary(g => g.Key, g => g.ToList());
        var reviews = store.LatestVerdicts();
        var sides = new List<FlagSides>();
        foreach (var flag in store.Flags())
        {
            if (!byId.TryGetValue(flag.ClaimA, out var a) || !byId.TryGetValue(flag.ClaimB, out var b)) continue;
            // For a denial the denying side refutes; otherwise A supports and B refutes (the model is symmetric in the choice).
            var swap = flag.Kind == FlagKind.Denial && a.Claim.Polarity == Polarity.Denied && b.Claim.Polarity != Polarity.Denied;
            var (supporting, refuting) = swap ? (b.Claim, a.Claim) : (a.Claim, b.Claim);
            var (supportVoices, refuteVoices) = Voices(supporting, refuting, byNode, byOrigin);
            var review = reviews.GetValueOrDefault(flag.Id);
            bool? verdict = review?.Verdict switch
            {
                VerdictKinds.ARight => supporting.ClaimId == flag.ClaimA,
                VerdictKinds.BRight => supporting.ClaimId == flag.ClaimB,
                _ => null,
            };
            var counted = review is null ? flag.Confidence >= options.MinFlagConfidence : VerdictKinds.IsContradiction(review.Verdict);
            sides.Add(new FlagSides(flag, supporting, refuting, supportVoices, refuteVoices, review, verdict, counted));
        }

        // Flags between the same two groups (a restatement flagged against the same claim) are one conflict, one proposition.
        var conflicts = sides.Where(f => f.Counted).GroupBy(f => f.ConflictKey).ToDictionary(g => g.Key, g => Conflict(g.ToList()));
        var flags = new List<EvidenceFlag>(sides.Count);
        foreach (var f in sides)
        {
            var node = f.Counted ? conflicts[f.ConflictKey].Node : FlagNodeId(f.Flag.Id);
            flags.Add(new EvidenceFlag(f.Flag.Id, f.Flag.Kind, f.Flag.Confidence, f.Counted, f.Flag.ClaimA, f.Flag.ClaimB, f.Supporting.ClaimId,
                f.Refuting.ClaimId, node, f.Verdict, f.Review, f.SupportVoices.Select(c => c.ClaimId).ToArray(), f.RefuteVoices.Select(c => c.ClaimId).ToArray()));
        }

        foreach (var conflict in conflicts.Values.OrderBy(c => c.Node, StringComparer.Ordinal))
        {
            var lead = conflict.Lead;
            builder.AddClaim(conflict.Node, conflict.Verdict);
            foreach (var voice in lead.SupportVoices)
                AddMention(builder, voice, conflict.Node, AssertionStance.Supports, byId[voice.ClaimId].Links);
            foreach (var voice in lead.RefuteVoices)
                AddMention(builder, voice, conflict.Node, AssertionStance.Refutes, byId[voice.ClaimId].Links);
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

    /// <summary>A stored flag resolved to the claims voicing its sides and its latest review.</summary>
    private sealed record FlagSides(
        StoredFlag Flag, EvidenceClaim Supporting, EvidenceClaim Refuting, List<EvidenceClaim> SupportVoices, List<EvidenceClaim> RefuteVoices,
        StoredVerdict? Review, bool? Verdict, bool Counted)
    {
        /// <summary>The two sides' voice sets, unordered: each set is named by its smallest claim id.</summary>
        public (long, long) ConflictKey
        {
            get
            {
                long s = SupportVoices.Min(c => c.ClaimId), r = RefuteVoices.Min(c => c.ClaimId);
                return s < r ? (s, r) : (r, s);
            }
        }
    }

    private sealed record ConflictNode(string Node, FlagSides Lead, bool? Verdict);

    /// <summary>
    /// One proposition for the counted flags of one conflict, oriented like its lead flag (a denial if there is one, so
    /// that the denying side refutes, else the lowest id), named after the lowest flag id. The latest verdict that names
    /// a side fixes its truth, turned round when that flag's supporting side is the lead's refuting side.
    /// </summary>
    private static ConflictNode Conflict(List<FlagSides> members)
    {
        var lead = members.Where(m => m.Flag.Kind == FlagKind.Denial).MinBy(m => m.Flag.Id) ?? members.MinBy(m => m.Flag.Id)!;
        var leadSupports = lead.SupportVoices.Min(c => c.ClaimId);
        var decided = members.Where(m => m.Verdict is not null).MaxBy(m => (m.Review!.CreatedAt, m.Review.Id));
        bool? verdict = decided is null ? null : decided.SupportVoices.Min(c => c.ClaimId) == leadSupports ? decided.Verdict : !decided.Verdict;
        return new ConflictNode(FlagNodeId(members.Min(m => m.Flag.Id)), lead, verdict);
    }

    /// <summary>
    /// The claims voicing each side of a flag: every claim of the side's corroboration group (copies and independent
    /// restatements). When both sides fall in one group (restatements chained across the conflict) only each side's
    /// copies speak, so that no claim both supports and refutes.
    /// </summary>
    private static (List<EvidenceClaim> Supporting, List<EvidenceClaim> Refuting) Voices(
        EvidenceClaim supporting, EvidenceClaim refuting, Dictionary<string, List<EvidenceClaim>> byNode, Dictionary<string, List<EvidenceClaim>> byOrigin)
    {
        if (supporting.NodeId != refuting.NodeId) return (byNode[supporting.NodeId], byNode[refuting.NodeId]);
        if (supporting.OriginId != refuting.OriginId) return (byOrigin[supporting.OriginId], byOrigin[refuting.OriginId]);
        return ([supporting], [refuting]);
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
}
