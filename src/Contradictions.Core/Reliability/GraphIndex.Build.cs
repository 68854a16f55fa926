namespace Contradictions.Core.Reliability;

internal sealed partial class GraphIndex
{
    /// <summary>Above this many members a group or pair counts distinct values with a hash set instead of a nested scan.</summary>
    private const int SmallList = 32;

    /// <summary>
    /// Flattens the graph. Assertions are numbered once; origins are interned; groups (one origin's mentions of one
    /// claim) and pairs (one source on one claim) are numbered by first appearance and listed in compressed-row form,
    /// members in assertion order. No object per group or pair: the per-object version spent most of a 100k-claim
    /// cold start allocating them (see benchmarks/README.md). Every sum runs in assertion order, so the numbers are
    /// the same as summing assertion by assertion.
    /// </summary>
    public static GraphIndex Build(EvidenceGraph graph, ReliabilityOptions options)
    {
        var claims = graph.Claims.ToArray();
        var claimIndex = new Dictionary<string, int>(claims.Length, StringComparer.Ordinal);
        for (var c = 0; c < claims.Length; c++) claimIndex[claims[c].Id] = c;

        var assertions = graph.Assertions;
        var n = assertions.Count;
        var sourceOf = new int[n];
        var groupOf = new int[n];
        var pairOf = new int[n];
        var sourceIndex = new Dictionary<SourceRef, int>();
        var sources = new List<SourceRef>();
        // Sized for the worst case (every assertion its own origin, group and pair) so that nothing is rehashed while filling.
        var originIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var groupIndex = new Dictionary<long, int>(n, PackedKeys.Instance);
        var groupClaim = new List<int>(n);
        var pairIndex = new Dictionary<long, int>(n, PackedKeys.Instance);
        var pairClaim = new List<int>(n);
        var pairSource = new List<int>(n);
        // The links of one mention share their claim and origin strings: look a string up again only when it changes.
        string? lastClaim = null, lastOrigin = null;
        int claim = -1, origin = -1;
        for (var i = 0; i < n; i++)
        {
            var a = assertions[i];
            if (!ReferenceEquals(a.ClaimId, lastClaim))
            {
                claim = claimIndex[a.ClaimId];
                lastClaim = a.ClaimId;
            }

            if (!sourceIndex.TryGetValue(a.Source, out var s))
            {
                s = sources.Count;
                sourceIndex[a.Source] = s;
                sources.Add(a.Source);
            }

            if (!ReferenceEquals(a.OriginId, lastOrigin))
            {
                lastOrigin = a.OriginId;
                if (!originIndex.TryGetValue(a.OriginId, out origin))
                {
                    origin = originIndex.Count;
                    originIndex[a.OriginId] = origin;
                }
            }

            if (!groupIndex.TryGetValue(Key(claim, origin), out var g))
            {
                g = groupClaim.Count;
                groupIndex[Key(claim, origin)] = g;
                groupClaim.Add(claim);
            }

            if (!pairIndex.TryGetValue(Key(claim, s), out var p))
            {
                p = pairClaim.Count;
                pairIndex[Key(claim, s)] = p;
                pairClaim.Add(claim);
                pairSource.Add(s);
            }

            sourceOf[i] = s;
            groupOf[i] = g;
            pairOf[i] = p;
        }

        var groupCount = groupClaim.Count;
        var (groupStart, groupMembers) = Lists(groupOf, groupCount);
        var hasSpeaker = new bool[groupCount];
        var hasAnonymous = new bool[groupCount];
        for (var i = 0; i < n; i++)
        {
            hasSpeaker[groupOf[i]] |= assertions[i].Role == SourceRole.Speaker;
            hasAnonymous[groupOf[i]] |= assertions[i].Anonymous;
        }

        // Denials: a party refuting a claim that some chain attributes to it (a pair with a refutation and an attributed support).
        var pairCount = pairClaim.Count;
        var refutes = new bool[pairCount];
        for (var i = 0; i < n; i++) refutes[pairOf[i]] |= assertions[i].Stance == AssertionStance.Refutes;
        var dropped = new bool[n];
        var denied = new bool[groupCount];
        var denier = new bool[pairCount];
        for (var i = 0; i < n; i++)
        {
            var a = assertions[i];
            if (a.Stance != AssertionStance.Supports || a.Role == SourceRole.Outlet || !refutes[pairOf[i]]) continue;
            dropped[i] = true;
            denied[groupOf[i]] = true;
            denier[pairOf[i]] = true;
        }

        // Per-assertion weights: truth weight (copies share one voice per role) and record weight.
        var truthWeight = new double[n];
        var recordWeight = new double[n];
        Span<int> sameRole = stackalloc int[3];
        for (var g = 0; g < groupCount; g++)
        {
            var members = groupMembers.AsSpan(groupStart[g], groupStart[g + 1] - groupStart[g]);
            DistinctSourcesPerRole(members, assertions, sourceOf, dropped, sameRole);
            foreach (var i in members)
            {
                if (dropped[i]) continue;
                var a = assertions[i];
                var credit = a.Role switch
                {
                    SourceRole.Speaker => 1.0,
                    SourceRole.Intermediary => options.RelayCredit,
                    _ => hasSpeaker[g] ? options.RelayCredit : 1.0,
                };
                var denial = a.Stance == AssertionStance.Refutes && denier[pairOf[i]];
                truthWeight[i] = credit / sameRole[(int)a.Role]
                    * (hasAnonymous[g] ? options.AnonymousWeight : 1.0)
                    * (denial ? options.DenialWeight : 1.0);
                recordWeight[i] = credit;
            }
        }

        // Group direction, for corroboration counts and voices.
        var supportVoices = new double[claims.Length];
        var refuteVoices = new double[claims.Length];
        var claimSupportGroups = new int[claims.Length];
        var claimRefuteGroups = new int[claims.Length];
        var direction = new int[groupCount];
        Span<double> support = stackalloc double[3];
        Span<double> refute = stackalloc double[3];
        for (var g = 0; g < groupCount; g++)
        {
            // A group's voice is its strongest role's total: copies in one role share one voice.
            double net = 0;
            support.Clear();
            refute.Clear();
            for (var k = groupStart[g]; k < groupStart[g + 1]; k++)
            {
                var i = groupMembers[k];
                if (dropped[i]) continue;
                var role = (int)assertions[i].Role;
                switch (assertions[i].Stance)
                {
                    case AssertionStance.Supports: net += truthWeight[i]; support[role] += truthWeight[i]; break;
                    case AssertionStance.Refutes: net -= truthWeight[i]; refute[role] += truthWeight[i]; break;
                }
            }

            direction[g] = Math.Sign(net);
            var c = groupClaim[g];
            if (direction[g] > 0)
            {
                claimSupportGroups[c]++;
                supportVoices[c] += Math.Max(support[0], Math.Max(support[1], support[2]));
            }
            else if (direction[g] < 0)
            {
                claimRefuteGroups[c]++;
                refuteVoices[c] += Math.Max(refute[0], Math.Max(refute[1], refute[2]));
            }
        }

        // Pairs: one source, one claim, its assertions summed in order.
        var (pairStart, pairMembers) = Lists(pairOf, pairCount);
        var pairs = new Pair[pairCount];
        var facts = new PairFacts[pairCount];
        for (var p = 0; p < pairCount; p++)
        {
            double truthSupport = 0, truthRefute = 0, recordSupport = 0, recordRefute = 0, maxTruth = 0, maxRecord = 0;
            var members = pairMembers.AsSpan(pairStart[p], pairStart[p + 1] - pairStart[p]);
            foreach (var i in members)
            {
                if (dropped[i]) continue;
                switch (assertions[i].Stance)
                {
                    case AssertionStance.Supports:
                        truthSupport += truthWeight[i];
                        recordSupport += recordWeight[i];
                        break;
                    case AssertionStance.Refutes:
                        truthRefute += truthWeight[i];
                        recordRefute += recordWeight[i];
                        break;
                    default:
                        continue;
                }

                maxTruth = Math.Max(maxTruth, truthWeight[i]);
                maxRecord = Math.Max(maxRecord, recordWeight[i]);
            }

            var truthTotal = truthSupport + truthRefute;
            var recordTotal = recordSupport + recordRefute;
            var vote = truthTotal > 0 ? maxTruth * (truthSupport - truthRefute) / truthTotal : 0;
            var share = recordTotal > 0 ? recordSupport / recordTotal : 0.5;
            pairs[p] = new Pair(pairClaim[p], pairSource[p], vote, share, recordTotal > 0 ? maxRecord : 0);
            facts[p] = Facts(members, assertions, groupOf, dropped, denied, hasAnonymous, direction);
        }

        var priors = new BetaDistribution[sources.Count];
        var explicitPrior = new bool[sources.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            explicitPrior[s] = graph.Priors.TryGetValue(sources[s], out var prior);
            priors[s] = explicitPrior[s] ? prior : options.DefaultPrior;
        }

        return new GraphIndex(claims, claimIndex, sources.ToArray(), priors, explicitPrior, pairs, facts,
            claimSupportGroups, claimRefuteGroups, supportVoices, refuteVoices);
    }

    private static long Key(int high, int low) => ((long)high << 32) | (uint)low;

    /// <summary>
    /// Hashes a <see cref="Key"/> by multiplying out its bits. A long's own hash XORs its halves, which is 0 for
    /// every (claim, origin) whose numbers are equal — every claim that is its own origin, numbered in the same order
    /// — so a store of uncopied claims put all its groups in one bucket: 75 s instead of under a second to index
    /// 200k claims.
    /// </summary>
    private sealed class PackedKeys : IEqualityComparer<long>
    {
        public static readonly PackedKeys Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    /// <summary>Compressed rows: the items of each key, in item order (<paramref name="keyOf"/>[item] is the item's key).</summary>
    private static (int[] Start, int[] Items) Lists(int[] keyOf, int keys)
    {
        var start = new int[keys + 1];
        foreach (var key in keyOf) start[key + 1]++;
        for (var k = 0; k < keys; k++) start[k + 1] += start[k];
        var next = start[..keys];
        var items = new int[keyOf.Length];
        for (var i = 0; i < keyOf.Length; i++) items[next[keyOf[i]]++] = i;
        return (start, items);
    }

    /// <summary>Distinct sources in each role among a group's kept assertions (at least 1; 1 for a single-assertion group).</summary>
    private static void DistinctSourcesPerRole(
        ReadOnlySpan<int> members, IReadOnlyList<SourceAssertion> assertions, int[] sourceOf, bool[] dropped, Span<int> counts)
    {
        counts.Fill(1);
        if (members.Length == 1) return;
        for (var role = 0; role < counts.Length; role++)
        {
            var distinct = 0;
            HashSet<int>? seen = members.Length > SmallList ? [] : null;
            for (var k = 0; k < members.Length; k++)
            {
                var i = members[k];
                if (dropped[i] || (int)assertions[i].Role != role) continue;
                if (seen is not null)
                {
                    if (seen.Add(sourceOf[i])) distinct++;
                    continue;
                }

                var repeat = false;
                for (var j = 0; j < k && !repeat; j++)
                {
                    var earlier = members[j];
                    repeat = !dropped[earlier] && (int)assertions[earlier].Role == role && sourceOf[earlier] == sourceOf[i];
                }

                if (!repeat) distinct++;
            }

            counts[role] = Math.Max(1, distinct);
        }
    }

    /// <summary>A pair's groups: how many, how many anonymous, in which direction, and how many of its reports were denied.</summary>
    private static PairFacts Facts(
        ReadOnlySpan<int> members, IReadOnlyList<SourceAssertion> assertions, int[] groupOf, bool[] dropped, bool[] denied,
        bool[] hasAnonymous, int[] direction)
    {
        int groups = 0, anonymous = 0, support = 0, refute = 0, denials = 0;
        HashSet<int>? seen = members.Length > SmallList ? [] : null;
        HashSet<int>? seenDenied = members.Length > SmallList ? [] : null;
        for (var k = 0; k < members.Length; k++)
        {
            var i = members[k];
            var g = groupOf[i];
            if (seen?.Add(g) ?? !Earlier(members, k, groupOf, g, deniedOnly: false, dropped, assertions))
            {
                groups++;
                if (hasAnonymous[g]) anonymous++;
                if (direction[g] > 0) support++;
                else if (direction[g] < 0) refute++;
            }

            // A relay of a report the quoted party denied: counted once per group.
            if (dropped[i] || assertions[i].Role == SourceRole.Speaker || !denied[g]) continue;
            if (seenDenied?.Add(g) ?? !Earlier(members, k, groupOf, g, deniedOnly: true, dropped, assertions)) denials++;
        }

        return new PairFacts(groups, anonymous, support, refute, denials);
    }

    /// <summary>Whether a member before position <paramref name="k"/> has group <paramref name="g"/> (and, for denials, was itself a kept relay).</summary>
    private static bool Earlier(ReadOnlySpan<int> members, int k, int[] groupOf, int g, bool deniedOnly, bool[] dropped, IReadOnlyList<SourceAssertion> assertions)
    {
        for (var j = 0; j < k; j++)
        {
            var earlier = members[j];
            if (groupOf[earlier] != g) continue;
            if (!deniedOnly || (!dropped[earlier] && assertions[earlier].Role != SourceRole.Speaker)) return true;
        }

        return false;
    }
}
