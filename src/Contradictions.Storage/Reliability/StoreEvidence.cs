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

    /// <summary>The same evidence with other flag records and proposition verdicts (the graph's structure unchanged).</summary>
    internal StoreEvidence WithFlags(IReadOnlyList<EvidenceFlag> flags, IReadOnlyDictionary<string, bool?> nodeVerdicts) => new(
        new EvidenceGraph(Graph.Claims.Select(c => nodeVerdicts.TryGetValue(c.Id, out var v) ? c with { Verdict = v } : c), Graph.Assertions, Graph.Priors),
        Claims, flags, Options);

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
        // Lean reads: reliability needs no article text, claim payload or flag explanation (seconds on 100k rows).
        var articles = store.ArticleHeads().ToDictionary(a => a.RowId);
        var labels = articles.Values.ToDictionary(a => a.RowId, a => a.Label());
        var origins = store.Origins();
        var stored = store.AllClaimsWithoutPayload();
        var groups = StoredCorroborations.Build(stored, articles.Values.ToDictionary(a => a.RowId, a => a.Outlet), origins, store.Restatements());
        var builder = new EvidenceGraphBuilder();
        var chainSources = new ChainSources();
        var claims = new List<EvidenceClaim>(stored.Count);
        var byId = new Dictionary<long, (EvidenceClaim Claim, IReadOnlyList<ChainLink> Links)>(stored.Count);
        foreach (var c in stored)
        {
            var article = articles[c.ArticleRowId];
            var (links, names, hasOutlet) = Chain(c.Claim, article, chainSources);
            if (links.Count == 0) continue;
            var origin = origins.GetValueOrDefault(c.ClaimId) ?? OriginClusterer.OriginIdOf(c.ClaimId);
            var group = groups.GroupOf(c.ClaimId)!;
            var first = group.ClaimIds[0];
            var node = ClaimNodeId(origins.GetValueOrDefault(first) ?? OriginClusterer.OriginIdOf(first));
            var evidence = new EvidenceClaim(c.ClaimId, labels[c.ArticleRowId], c.Claim.Text, c.Claim.Polarity,
                names, links.Select(l => l.Source).ToArray(), origin, node, hasOutlet, group.IndependentOrigins);
            claims.Add(evidence);
            byId[c.ClaimId] = (evidence, links);
            AddMention(builder, evidence, evidence.NodeId, AssertionStance.Supports, links);
        }

        var byOrigin = claims.GroupBy(c => c.OriginId).ToDictionary(g => g.Key, g => g.ToList());
        var byNode = claims.GroupBy(c => c.NodeId).ToDictionary(g => g.Key, g => g.ToList());
        var reviews = store.LatestVerdicts();
        var sides = new List<FlagSides>();
        foreach (var flag in store.FlagHeads())
        {
            if (!byId.TryGetValue(flag.ClaimA, out var a) || !byId.TryGetValue(flag.ClaimB, out var b)) continue;
            // For a denial the denying side refutes; otherwise A supports and B refutes (the model is symmetric in the choice).
            var swap = flag.Kind == FlagKind.Denial && a.Claim.Polarity == Polarity.Denied && b.Claim.Polarity != Polarity.Denied;
            var (supporting, refuting) = swap ? (b.Claim, a.Claim) : (a.Claim, b.Claim);
            var (supportVoices, refuteVoices) = Voices(supporting, refuting, byNode, byOrigin);
            var review = reviews.GetValueOrDefault(flag.Id);
            var (counted, verdict) = EvidenceFlag.Reviewed(review, flag.Confidence, flag.ClaimA, flag.ClaimB, supporting.ClaimId, options.MinFlagConfidence);
            sides.Add(new FlagSides(flag, supporting, refuting, supportVoices, refuteVoices, review, verdict, counted));
        }

        // Flags between the same two groups (a restatement flagged against the same claim) are one conflict, one proposition.
        var conflicts = sides.Where(f => f.Counted).GroupBy(f => f.ConflictKey).ToDictionary(g => g.Key, g => Conflict(g.ToList()));
        var flags = new List<EvidenceFlag>(sides.Count);
        foreach (var f in sides)
        {
            var conflict = f.Counted ? conflicts[f.ConflictKey] : null;
            var faces = conflict is null || f.SupportVoices.Min(c => c.ClaimId) == conflict.Lead.SupportVoices.Min(c => c.ClaimId);
            flags.Add(new EvidenceFlag(f.Flag.Id, f.Flag.Kind, f.Flag.Confidence, f.Counted, f.Flag.ClaimA, f.Flag.ClaimB, f.Supporting.ClaimId,
                f.Refuting.ClaimId, conflict?.Node ?? FlagNodeId(f.Flag.Id), f.Verdict, f.Review, f.SupportVoices.Select(c => c.ClaimId).ToArray(),
                f.RefuteVoices.Select(c => c.ClaimId).ToArray(), faces));
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

        foreach (var (outlet, domains) in chainSources.Domains)
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
        FlagHead Flag, EvidenceClaim Supporting, EvidenceClaim Refuting, List<EvidenceClaim> SupportVoices, List<EvidenceClaim> RefuteVoices,
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
        var verdict = NodeVerdict(members.Select(m => (m.Review, m.Verdict, m.SupportVoices.Min(c => c.ClaimId) == leadSupports)));
        return new ConflictNode(FlagNodeId(members.Min(m => m.Flag.Id)), lead, verdict);
    }

    /// <summary>The truth of a conflict's proposition: the latest verdict that names a side, turned round when that flag faces the other way.</summary>
    internal static bool? NodeVerdict(IEnumerable<(StoredVerdict? Review, bool? Verdict, bool FacesNode)> members)
    {
        bool? truth = null;
        (DateTimeOffset At, long Id) latest = default;
        foreach (var (review, verdict, facesNode) in members)
        {
            if (verdict is not { } v || review is null) continue;
            if (truth is not null && (review.CreatedAt, review.Id).CompareTo(latest) <= 0) continue;
            latest = (review.CreatedAt, review.Id);
            truth = facesNode ? v : !v;
        }
        return truth;
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
