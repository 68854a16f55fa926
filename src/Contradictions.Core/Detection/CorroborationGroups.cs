using Contradictions.Core.Claims;

namespace Contradictions.Core.Detection;

/// <summary>
/// Groups claims that restate each other (judged pairs, plus claims sharing an origin) and counts the independent
/// origins of each group. Copies collapse (one origin id), and so do origins voiced by the same outlet and
/// speaker (an outlet repeating its own background paragraph or the same quote is one voice, not several).
/// </summary>
public sealed class CorroborationGroups
{
    /// <summary>Similarity at or above which two claims of the same polarity count as restatements.</summary>
    public const float DefaultRestatementThreshold = 0.8f;

    private readonly Dictionary<long, CorroborationGroup> _groupOf;

    private CorroborationGroups(IReadOnlyList<CorroborationGroup> groups, Dictionary<long, CorroborationGroup> groupOf)
    {
        Groups = groups;
        _groupOf = groupOf;
    }

    /// <summary>All groups, including singletons, ordered by their smallest claim id.</summary>
    public IReadOnlyList<CorroborationGroup> Groups { get; }

    /// <summary>The group of <paramref name="claimId"/>, or null when the claim was never given.</summary>
    public CorroborationGroup? GroupOf(long claimId) => _groupOf.GetValueOrDefault(claimId);

    /// <summary>Independent origins of the claim's group (1 for a claim that was never given: itself).</summary>
    public int IndependentOrigins(long claimId) => GroupOf(claimId)?.IndependentOrigins ?? 1;

    /// <summary>A pair restates one claim when it is similar enough and neither side negates the other.</summary>
    public static bool IsRestatement(float similarity, Polarity a, Polarity b, float threshold = DefaultRestatementThreshold) =>
        similarity >= threshold && a == b;

    /// <param name="claims">Every claim with its origin; claims named only in <paramref name="restatements"/> are their own origin.</param>
    /// <param name="restatements">Pairs judged to be restatements of one claim (see <see cref="IsRestatement"/>).</param>
    public static CorroborationGroups Build(IEnumerable<ClaimOrigin> claims, IEnumerable<(long A, long B)> restatements)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(restatements);

        var index = new Dictionary<long, int>();
        var origins = new List<ClaimOrigin>();
        foreach (var c in claims)
        {
            if (index.ContainsKey(c.ClaimId)) continue;
            index[c.ClaimId] = origins.Count;
            origins.Add(c);
        }
        var pairs = new List<(int, int)>();
        foreach (var (a, b) in restatements) pairs.Add((Slot(a), Slot(b)));

        int n = origins.Count;
        var parent = DisjointSets.Create(n);
        foreach (var (a, b) in pairs) DisjointSets.Union(parent, a, b);
        var firstOfOrigin = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (firstOfOrigin.TryGetValue(origins[i].OriginId, out int j)) DisjointSets.Union(parent, i, j);
            else firstOfOrigin[origins[i].OriginId] = i;
        }

        var roots = new int[n];
        var sizes = new int[n];
        for (int i = 0; i < n; i++) sizes[roots[i] = DisjointSets.Find(parent, i)]++;
        var groups = new List<CorroborationGroup>(n);
        var groupOf = new Dictionary<long, CorroborationGroup>(n);
        // Most claims restate nothing: one claim, one origin, one voice, without a member list or the sets below.
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            if (sizes[roots[i]] == 1)
            {
                var only = origins[i];
                var single = new CorroborationGroup([only.ClaimId], [only.OriginId], 1);
                groups.Add(single);
                groupOf[only.ClaimId] = single;
                continue;
            }
            if (!members.TryGetValue(roots[i], out var list)) members[roots[i]] = list = new List<int>(sizes[roots[i]]);
            list.Add(i);
        }

        foreach (var list in members.Values)
        {
            var ids = new long[list.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = origins[list[i]].ClaimId;
            Array.Sort(ids);
            var distinct = new SortedSet<string>(StringComparer.Ordinal);
            foreach (int i in list) distinct.Add(origins[i].OriginId);
            var group = new CorroborationGroup(ids, [.. distinct], CountVoices(list, origins));
            groups.Add(group);
            foreach (long id in ids) groupOf[id] = group;
        }
        groups.Sort((x, y) => x.ClaimIds[0].CompareTo(y.ClaimIds[0]));
        return new CorroborationGroups(groups, groupOf);

        int Slot(long claimId)
        {
            if (index.TryGetValue(claimId, out int s)) return s;
            index[claimId] = origins.Count;
            origins.Add(new ClaimOrigin(claimId, OriginClusterer.OriginIdOf(claimId)));
            return origins.Count - 1;
        }
    }

    /// <summary>Distinct origins, where origins sharing an (outlet, speaker) voice are one.</summary>
    private static int CountVoices(List<int> members, List<ClaimOrigin> origins)
    {
        var originIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int i in members) originIds.TryAdd(origins[i].OriginId, originIds.Count);
        var parent = DisjointSets.Create(originIds.Count);
        var voice = new Dictionary<(string Outlet, string Speaker), int>();
        foreach (int i in members)
        {
            var c = origins[i];
            if (string.IsNullOrEmpty(c.Outlet)) continue;
            int o = originIds[c.OriginId];
            var key = (c.Outlet, c.SpeakerKey ?? "");
            if (voice.TryGetValue(key, out int other)) DisjointSets.Union(parent, o, other);
            else voice[key] = o;
        }
        int count = 0;
        for (int i = 0; i < parent.Length; i++) if (DisjointSets.Find(parent, i) == i) count++;
        return count;
    }
}
