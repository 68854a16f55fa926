using Contradictions.Core.Stance;
using Contradictions.ML.Data;

namespace Contradictions.ML.Evaluation;

/// <summary>
/// Ground truth for contradiction detection between FNC-1 bodies: for every headline with at least one agreeing
/// and one disagreeing body, each (agreeing, disagreeing) body pair is a contradiction and each pair of agreeing
/// bodies is consistent. The unit is the unordered body pair, counted once however many headlines give it; a pair
/// that one headline makes a contradiction and another consistent is left out (and counted), since it has no
/// single answer. Discussing, unrelated and disagree–disagree pairs are not judged.
/// </summary>
public sealed record BodyPairTruth(
    IReadOnlySet<(string A, string B)> Contradictions,
    IReadOnlySet<(string A, string B)> Consistent,
    int Headlines,
    int Conflicting)
{
    /// <param name="stances">Headline/body stances (headline as <see cref="LabeledPair.Claim"/>, body id as <see cref="LabeledPair.PassageId"/>).</param>
    /// <param name="bodies">Only these body ids take part (a split); null for all.</param>
    public static BodyPairTruth From(IEnumerable<LabeledPair> stances, IReadOnlySet<string>? bodies = null)
    {
        ArgumentNullException.ThrowIfNull(stances);
        var byHeadline = new Dictionary<string, (SortedSet<string> Agree, SortedSet<string> Disagree)>(StringComparer.Ordinal);
        foreach (var s in stances)
        {
            if (s.Label is not (Stance.Agree or Stance.Disagree)) continue;
            if (bodies is not null && !bodies.Contains(s.PassageId)) continue;
            if (!byHeadline.TryGetValue(s.Claim, out var sets))
            {
                byHeadline[s.Claim] = sets = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
            }
            (s.Label == Stance.Agree ? sets.Agree : sets.Disagree).Add(s.PassageId);
        }

        var contradictions = new HashSet<(string, string)>();
        var consistent = new HashSet<(string, string)>();
        int headlines = 0;
        foreach (var (agree, disagree) in byHeadline.Values)
        {
            if (agree.Count == 0 || disagree.Count == 0) continue;
            headlines++;
            foreach (var a in agree)
            {
                // A body both agreeing and disagreeing with one headline (duplicate rows) judges nothing against itself.
                foreach (var d in disagree) if (a != d) contradictions.Add(Key(a, d));
                foreach (var b in agree.GetViewBetween(a, agree.Max!)) if (a != b) consistent.Add(Key(a, b));
            }
        }
        var conflicting = contradictions.Intersect(consistent).ToList();
        contradictions.ExceptWith(conflicting);
        consistent.ExceptWith(conflicting);
        return new BodyPairTruth(contradictions, consistent, headlines, conflicting.Count);
    }

    /// <summary>The unordered pair of two body ids (ordinal order).</summary>
    public static (string A, string B) Key(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
}
