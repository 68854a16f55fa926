namespace Contradictions.Core.Reliability;

/// <summary>
/// The graph flattened into arrays once, so that each EM iteration is two linear passes
/// (100k claims must recompute in well under a second).
/// </summary>
internal sealed class GraphIndex
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
        ClaimNode[] claims, SourceRef[] sources, BetaDistribution[] priors, bool[] priorIsExplicit, Pair[] pairs, PairFacts[] facts,
        int[] claimSupportGroups, int[] claimRefuteGroups, double[] supportVoices, double[] refuteVoices)
    {
        Claims = claims;
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
    public SourceRef[] Sources { get; }
    public BetaDistribution[] Priors { get; }
    public bool[] PriorIsExplicit { get; }
    public Pair[] Pairs { get; }
    public double[] SupportVoices { get; }
    public double[] RefuteVoices { get; }

    public static GraphIndex Build(EvidenceGraph graph, ReliabilityOptions options)
    {
        var claims = graph.Claims.ToArray();
        var claimIndex = new Dictionary<string, int>(claims.Length, StringComparer.Ordinal);
        for (var c = 0; c < claims.Length; c++) claimIndex[claims[c].Id] = c;

        var sourceIndex = new Dictionary<SourceRef, int>();
        var sources = new List<SourceRef>();
        var assertions = graph.Assertions;
        var n = assertions.Count;
        var assertionClaim = new int[n];
        var assertionSource = new int[n];
        var assertionGroup = new int[n];
        var groupIndex = new Dictionary<(int Claim, string Origin), int>();
        var groups = new List<GroupInfo>();
        for (var i = 0; i < n; i++)
        {
            var a = assertions[i];
            var c = claimIndex[a.ClaimId];
            if (!sourceIndex.TryGetValue(a.Source, out var s))
            {
                s = sources.Count;
                sourceIndex[a.Source] = s;
                sources.Add(a.Source);
            }

            if (!groupIndex.TryGetValue((c, a.OriginId), out var g))
            {
                g = groups.Count;
                groupIndex[(c, a.OriginId)] = g;
                groups.Add(new GroupInfo());
            }

            assertionClaim[i] = c;
            assertionSource[i] = s;
            assertionGroup[i] = g;
            var info = groups[g];
            info.Members.Add(i);
            info.HasSpeaker |= a.Role == SourceRole.Speaker;
            info.HasAnonymous |= a.Anonymous;
        }

        // Denials: a party refuting a claim that some chain attributes to it.
        var refuters = new HashSet<(int Claim, int Source)>();
        for (var i = 0; i < n; i++)
        {
            if (assertions[i].Stance == AssertionStance.Refutes) refuters.Add((assertionClaim[i], assertionSource[i]));
        }

        var dropped = new bool[n];
        var deniers = new HashSet<(int Claim, int Source)>();
        for (var i = 0; i < n; i++)
        {
            var a = assertions[i];
            if (a.Stance != AssertionStance.Supports || a.Role == SourceRole.Outlet) continue;
            if (!refuters.Contains((assertionClaim[i], assertionSource[i]))) continue;
            dropped[i] = true;
            groups[assertionGroup[i]].Denied = true;
            deniers.Add((assertionClaim[i], assertionSource[i]));
        }

        // Per-assertion weights: truth weight (copies share one voice per role) and record weight.
        var truthWeight = new double[n];
        var recordWeight = new double[n];
        foreach (var group in groups)
        {
            foreach (var i in group.Members)
            {
                if (dropped[i]) continue;
                var a = assertions[i];
                var credit = a.Role switch
                {
                    SourceRole.Speaker => 1.0,
                    SourceRole.Intermediary => options.RelayCredit,
                    _ => group.HasSpeaker ? options.RelayCredit : 1.0,
                };
                var sameRole = DistinctSourcesInRole(group, a.Role, assertions, assertionSource, dropped);
                var denial = a.Stance == AssertionStance.Refutes && deniers.Contains((assertionClaim[i], assertionSource[i]));
                truthWeight[i] = credit / sameRole
                    * (group.HasAnonymous ? options.AnonymousWeight : 1.0)
                    * (denial ? options.DenialWeight : 1.0);
                recordWeight[i] = credit;
            }
        }

        // Group direction, for corroboration counts and voices.
        var supportVoices = new double[claims.Length];
        var refuteVoices = new double[claims.Length];
        var claimSupportGroups = new int[claims.Length];
        var claimRefuteGroups = new int[claims.Length];
        Span<double> support = stackalloc double[3];
        Span<double> refute = stackalloc double[3];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            // A group's voice is its strongest role's total: copies in one role share one voice.
            double net = 0;
            support.Clear();
            refute.Clear();
            foreach (var i in group.Members)
            {
                if (dropped[i]) continue;
                var role = (int)assertions[i].Role;
                switch (assertions[i].Stance)
                {
                    case AssertionStance.Supports: net += truthWeight[i]; support[role] += truthWeight[i]; break;
                    case AssertionStance.Refutes: net -= truthWeight[i]; refute[role] += truthWeight[i]; break;
                }
            }

            group.Direction = Math.Sign(net);
            var c = assertionClaim[group.Members[0]];
            if (group.Direction > 0)
            {
                claimSupportGroups[c]++;
                supportVoices[c] += Max(support);
            }
            else if (group.Direction < 0)
            {
                claimRefuteGroups[c]++;
                refuteVoices[c] += Max(refute);
            }
        }

        // Pairs: one source, one claim.
        var pairIndex = new Dictionary<(int Claim, int Source), int>();
        var accumulators = new List<PairAccumulator>();
        for (var i = 0; i < n; i++)
        {
            var key = (assertionClaim[i], assertionSource[i]);
            if (!pairIndex.TryGetValue(key, out var p))
            {
                p = accumulators.Count;
                pairIndex[key] = p;
                accumulators.Add(new PairAccumulator(key.Item1, key.Item2));
            }

            var acc = accumulators[p];
            var group = groups[assertionGroup[i]];
            acc.AddGroup(assertionGroup[i]);
            if (dropped[i]) continue;
            var a = assertions[i];
            if (a.Role != SourceRole.Speaker && group.Denied) acc.AddDenied(assertionGroup[i]);
            switch (a.Stance)
            {
                case AssertionStance.Supports:
                    acc.TruthSupport += truthWeight[i];
                    acc.RecordSupport += recordWeight[i];
                    break;
                case AssertionStance.Refutes:
                    acc.TruthRefute += truthWeight[i];
                    acc.RecordRefute += recordWeight[i];
                    break;
                default:
                    continue;
            }

            acc.MaxTruth = Math.Max(acc.MaxTruth, truthWeight[i]);
            acc.MaxRecord = Math.Max(acc.MaxRecord, recordWeight[i]);
        }

        var pairs = new Pair[accumulators.Count];
        var facts = new PairFacts[accumulators.Count];
        for (var p = 0; p < pairs.Length; p++)
        {
            var acc = accumulators[p];
            var truthTotal = acc.TruthSupport + acc.TruthRefute;
            var recordTotal = acc.RecordSupport + acc.RecordRefute;
            var vote = truthTotal > 0 ? acc.MaxTruth * (acc.TruthSupport - acc.TruthRefute) / truthTotal : 0;
            var share = recordTotal > 0 ? acc.RecordSupport / recordTotal : 0.5;
            pairs[p] = new Pair(acc.Claim, acc.Source, vote, share, recordTotal > 0 ? acc.MaxRecord : 0);
            facts[p] = acc.Facts(groups);
        }

        var priors = new BetaDistribution[sources.Count];
        var explicitPrior = new bool[sources.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            explicitPrior[s] = graph.Priors.TryGetValue(sources[s], out var prior);
            priors[s] = explicitPrior[s] ? prior : options.DefaultPrior;
        }

        return new GraphIndex(claims, sources.ToArray(), priors, explicitPrior, pairs, facts,
            claimSupportGroups, claimRefuteGroups, supportVoices, refuteVoices);
    }

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

    private static double Max(ReadOnlySpan<double> values) => Math.Max(values[0], Math.Max(values[1], values[2]));

    private static int DistinctSourcesInRole(GroupInfo group, SourceRole role, IReadOnlyList<SourceAssertion> assertions, int[] assertionSource, bool[] dropped)
    {
        if (group.Members.Count == 1) return 1;
        var seen = new HashSet<int>();
        foreach (var i in group.Members)
        {
            if (!dropped[i] && assertions[i].Role == role) seen.Add(assertionSource[i]);
        }

        return Math.Max(1, seen.Count);
    }

    private sealed class GroupInfo
    {
        public List<int> Members { get; } = [];
        public bool HasSpeaker { get; set; }
        public bool HasAnonymous { get; set; }
        public bool Denied { get; set; }
        public int Direction { get; set; }
    }

    private readonly record struct PairFacts(int Groups, int AnonymousGroups, int OwnSupportGroups, int OwnRefuteGroups, int Denials);

    private sealed class PairAccumulator(int claim, int source)
    {
        // Lists, not sets: a source rarely has more than a couple of mentions of one claim.
        private readonly List<int> _groups = [];

        public int Claim { get; } = claim;
        public int Source { get; } = source;
        public double TruthSupport { get; set; }
        public double TruthRefute { get; set; }
        public double RecordSupport { get; set; }
        public double RecordRefute { get; set; }
        public double MaxTruth { get; set; }
        public double MaxRecord { get; set; }
        public List<int> DeniedGroups { get; } = [];

        public void AddGroup(int g)
        {
            if (!_groups.Contains(g)) _groups.Add(g);
        }

        public void AddDenied(int g)
        {
            if (!DeniedGroups.Contains(g)) DeniedGroups.Add(g);
        }

        public PairFacts Facts(List<GroupInfo> groups)
        {
            int anonymous = 0, support = 0, refute = 0;
            foreach (var g in _groups)
            {
                if (groups[g].HasAnonymous) anonymous++;
                if (groups[g].Direction > 0) support++;
                else if (groups[g].Direction < 0) refute++;
            }

            return new PairFacts(_groups.Count, anonymous, support, refute, DeniedGroups.Count);
        }
    }
}
