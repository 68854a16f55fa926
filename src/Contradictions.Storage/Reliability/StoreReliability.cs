using Contradictions.Core.Reliability;

namespace Contradictions.Storage.Reliability;

/// <summary>One side of a flag: the sources of its claim's chain with their reliabilities.</summary>
/// <param name="ClaimId">The side's claim.</param>
/// <param name="Voice">The party the words are credited to: the chain's last link (the speaker), or the outlet when it speaks for itself.</param>
/// <param name="Sources">Every source of the chain, outlet first.</param>
public sealed record SideReliability(long ClaimId, SourceReliability Voice, IReadOnlyList<SourceReliability> Sources);

/// <summary>The reliability of both sides of a flag and which side is more likely right.</summary>
/// <param name="FlagId">The flag.</param>
/// <param name="A">Side A (the lower claim id), or null when its claim credits no source.</param>
/// <param name="B">Side B, or null likewise.</param>
/// <param name="LikelierRight">A or B when a reviewer said so or the sources' reliabilities allow a call (<see cref="FlagComparison"/>); otherwise undetermined.</param>
/// <param name="ProbabilityARight">P(A right) from the two sides' sources alone.</param>
/// <param name="Reason">Why, in a sentence or two.</param>
public sealed record FlagReliability(long FlagId, SideReliability? A, SideReliability? B, FlagSide LikelierRight, double ProbabilityARight, string Reason);

/// <summary>
/// Source reliability over the whole store, computed once (evidence graph, then truth discovery), with lookups for
/// the two sides of any flag. Build one per command or per store change, never per flag: the graph covers every claim.
/// </summary>
public sealed class StoreReliability
{
    private readonly Dictionary<long, EvidenceClaim> _claims;
    private readonly Dictionary<long, EvidenceFlag> _flags;
    private readonly ReliabilityOptions _options;
    private ReliabilityModel? _model;

    private StoreReliability(StoreEvidence evidence, ReliabilityModel model, ReliabilityResult result, ReliabilityOptions options)
    {
        Evidence = evidence;
        Result = result;
        _options = options;
        _model = model;
        _claims = evidence.Claims.ToDictionary(c => c.ClaimId);
        _flags = evidence.Flags.ToDictionary(f => f.FlagId);
    }

    public StoreEvidence Evidence { get; }

    public ReliabilityResult Result { get; }

    /// <summary>Whether the source's prior came from the source-priors list (otherwise the default prior).</summary>
    public bool PriorFromList(SourceRef source) => Evidence.Graph.Priors.ContainsKey(source);

    public static StoreReliability Compute(ClaimStore store, SourcePriors? priors = null, StoreEvidenceOptions? options = null, ReliabilityOptions? reliability = null)
    {
        reliability ??= ReliabilityOptions.Default;
        var evidence = StoreEvidence.Build(store, priors, options);
        var model = new ReliabilityModel(evidence.Graph, reliability);
        return new StoreReliability(evidence, model, model.Compute(), reliability);
    }

    /// <summary>
    /// The reliability after the store's verdicts moved on to <paramref name="latest"/> (latest verdict per flag) while
    /// nothing else changed, without reading or re-indexing the store: possible when no flag changes between counted
    /// and not counted, so only propositions' truths move (<see cref="ReliabilityModel.ApplyVerdicts"/>, from the
    /// current solution). Null when the graph itself would change: then <see cref="Compute"/> again. This instance
    /// hands its model on and cannot be advanced twice.
    /// </summary>
    public StoreReliability? WithVerdicts(IReadOnlyDictionary<long, StoredVerdict> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var model = _model ?? throw new InvalidOperationException("This reliability was already advanced; advance the newer one.");
        var flags = new List<EvidenceFlag>(Evidence.Flags.Count);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Evidence.Flags)
        {
            var review = latest.GetValueOrDefault(f.FlagId);
            if (review?.Id == f.Review?.Id)
            {
                flags.Add(f);
                continue;
            }

            var (counted, verdict) = EvidenceFlag.Reviewed(review, f.Confidence, f.ClaimA, f.ClaimB, f.SupportingClaimId, Evidence.Options.MinFlagConfidence);
            if (counted != f.Counted) return null;
            flags.Add(f with { Review = review, Verdict = verdict });
            if (counted) touched.Add(f.NodeId);
        }

        var nodeVerdicts = flags.Where(f => f.Counted && touched.Contains(f.NodeId)).GroupBy(f => f.NodeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => StoreEvidence.NodeVerdict(g.Select(f => (f.Review, f.Verdict, f.FacesNode))), StringComparer.Ordinal);
        _model = null;
        var result = model.ApplyVerdicts(nodeVerdicts);
        return new StoreReliability(Evidence.WithFlags(flags, nodeVerdicts), model, result, _options);
    }

    /// <summary>The sources of one stored claim with their reliabilities, or null when the claim credits none.</summary>
    public SideReliability? Side(long claimId)
    {
        if (!_claims.TryGetValue(claimId, out var claim)) return null;
        var sources = claim.Sources.Distinct().Select(Result.Find).OfType<SourceReliability>().ToList();
        var voice = Result.Find(claim.Sources[^1]);
        return voice is null ? null : new SideReliability(claimId, voice, sources);
    }

    /// <summary>
    /// Both sides of a stored flag. A reviewer's <c>a_right</c>/<c>b_right</c> decides which side is right; a dismissal
    /// (<c>not_contradiction</c>, <c>different_subjects</c>) leaves nothing to decide; otherwise
    /// <see cref="FlagComparison.WhichSideIsMoreLikelyRight"/> compares the sides' sources and may stay undetermined.
    /// </summary>
    public FlagReliability ForFlag(long flagId, long claimA, long claimB) => ForFlag(flagId, claimA, claimB, _flags.GetValueOrDefault(flagId)?.Review);

    /// <summary>As <see cref="ForFlag(long, long, long)"/>, decided by <paramref name="review"/>: the flag's latest verdict as the caller read it, which may be newer than this computation.</summary>
    public FlagReliability ForFlag(long flagId, long claimA, long claimB, StoredVerdict? review)
    {
        var a = Side(claimA);
        var b = Side(claimB);
        var comparison = FlagComparison.WhichSideIsMoreLikelyRight(
            (IReadOnlyCollection<SourceReliability>?)a?.Sources ?? [], (IReadOnlyCollection<SourceReliability>?)b?.Sources ?? [], _options);
        if (review is null) return new FlagReliability(flagId, a, b, comparison.MoreLikelyRight, comparison.ProbabilityARight, comparison.Reason);

        var who = $"Reviewer {review.Reviewer}: {review.Verdict}. ";
        return review.Verdict switch
        {
            VerdictKinds.ARight => new FlagReliability(flagId, a, b, FlagSide.A, comparison.ProbabilityARight, who + "Sources alone: " + comparison.Reason),
            VerdictKinds.BRight => new FlagReliability(flagId, a, b, FlagSide.B, comparison.ProbabilityARight, who + "Sources alone: " + comparison.Reason),
            VerdictKinds.Unresolved => new FlagReliability(flagId, a, b, comparison.MoreLikelyRight, comparison.ProbabilityARight, who + comparison.Reason),
            _ => new FlagReliability(flagId, a, b, FlagSide.Undetermined, comparison.ProbabilityARight, who + "No contradiction to decide."),
        };
    }
}
