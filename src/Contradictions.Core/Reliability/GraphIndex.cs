namespace Contradictions.Core.Reliability;

/// <summary>
/// The graph flattened into arrays once, so that each EM iteration is two linear passes
/// (100k claims must recompute in well under a second). Built in <c>GraphIndex.Build.cs</c>.
/// </summary>
internal sealed partial class GraphIndex
{
    /// <summary>One source's combined part in one claim.</summary>
    /// <param name="TruthVote">Signed weight of its voice on the claim's truth (+ supports), after copies, roles, anonymity and denials.</param>
    /// <param name="SupportShare">Share of its weighted assertions on the claim that support it.</param>
    /// <param name="RecordWeight">How much the claim counts in the source's own record (0 when it only reported), before the verdict weight.</param>
    internal readonly record struct Pair(int Claim, int Source, double TruthVote, double SupportShare, double RecordWeight);

    private readonly PairFacts[] _facts;
    private readonly int[] _claimSupportGroups;
    private readonly int[] _claimRefuteGroups;

    private GraphIndex(
        ClaimNode[] claims, IReadOnlyDictionary<string, int> claimIndex, SourceRef[] sources, BetaDistribution[] priors, bool[] priorIsExplicit, Pair[] pairs, PairFacts[] facts,
        int[] claimSupportGroups, int[] claimRefuteGroups, double[] supportVoices, double[] refuteVoices)
    {
        Claims = claims;
        ClaimIndex = claimIndex;
        Sources = sources;
        Priors = priors;
        PriorIsExplicit = priorIsExplicit;
        Pairs = pairs;
        _facts = facts;
        _claimSupportGroups = claimSupportGroups;
        _claimRefuteGroups = claimRefuteGroups;
        SupportVoices = supportVoices;
        RefuteVoices = refuteVoices;
    }

    public ClaimNode[] Claims { get; }

    /// <summary>Position of each claim id in <see cref="Claims"/>.</summary>
    public IReadOnlyDictionary<string, int> ClaimIndex { get; }
    public SourceRef[] Sources { get; }
    public BetaDistribution[] Priors { get; }
    public bool[] PriorIsExplicit { get; }
    public Pair[] Pairs { get; }
    public double[] SupportVoices { get; }
    public double[] RefuteVoices { get; }

    /// <summary>Counts every source's evidence in one pass over the pairs.</summary>
    public EvidenceCounts[] Evidence(double[] effectiveEvidence, bool?[] verdicts)
    {
        var tallies = new Tally[Sources.Length];
        for (var p = 0; p < Pairs.Length; p++)
        {
            var pair = Pairs[p];
            var facts = _facts[p];
            ref var t = ref tallies[pair.Source];
            t.Claims++;
            t.Denials += facts.Denials;
            t.Groups += facts.Groups;
            t.AnonymousGroups += facts.AnonymousGroups;
            if (pair.RecordWeight == 0)
            {
                t.Reported++;
                continue;
            }

            var supports = pair.SupportShare >= 0.5;
            if (supports) t.Supported++; else t.Refuted++;
            var verdict = verdicts[pair.Claim];
            if (verdict is not null)
            {
                if (verdict == supports) t.Confirmed++; else t.Rejected++;
            }

            // Independent means another origin: copies and the source's own other mentions do not count.
            var otherSupport = _claimSupportGroups[pair.Claim] - facts.OwnSupportGroups;
            var otherRefute = _claimRefuteGroups[pair.Claim] - facts.OwnRefuteGroups;
            if ((supports ? otherSupport : otherRefute) > 0) t.Corroborated++;
            if ((supports ? otherRefute : otherSupport) > 0) t.Contradicted++;
        }

        var result = new EvidenceCounts[Sources.Length];
        for (var s = 0; s < result.Length; s++)
        {
            var t = tallies[s];
            var anonymousShare = t.Groups == 0 ? 0 : (double)t.AnonymousGroups / t.Groups;
            result[s] = new EvidenceCounts(t.Claims, t.Supported, t.Refuted, t.Reported, t.Confirmed, t.Rejected, t.Corroborated,
                t.Contradicted, t.Denials, anonymousShare, Math.Max(0, effectiveEvidence[s]));
        }

        return result;
    }

    private struct Tally
    {
        public int Claims, Supported, Refuted, Reported, Confirmed, Rejected, Corroborated, Contradicted, Denials, Groups, AnonymousGroups;
    }

    private readonly record struct PairFacts(int Groups, int AnonymousGroups, int OwnSupportGroups, int OwnRefuteGroups, int Denials);
}
