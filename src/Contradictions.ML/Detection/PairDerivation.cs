using System.Collections.Concurrent;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;

namespace Contradictions.ML.Detection;

/// <summary>
/// Turns stance pairs into claim pairs: the headline as claim A and one body claim as claim B, chosen by the same
/// rule for every body: the best-matching denial when one shares enough content with the headline, else the
/// best-matching claim. Disagreeing bodies give contradictions; agreeing, discussing and unrelated ones do not
/// (unrelated ones teach the model that low overlap is no contradiction, as candidate pairs can be loose).
/// </summary>
public static class PairDerivation
{
    private const float MinDenialOverlap = 0.1f;

    /// <summary>
    /// Claim pairs from headlines that share a body: a headline the body agrees with and one it disagrees with
    /// contradict each other; two it agrees with (or two it disputes) do not; a related and an unrelated headline
    /// are different subjects. Headlines are single sentences, like the claims a scan compares, so the labels are
    /// far cleaner than headline-vs-body-sentence pairs. (Adding discussed-vs-taken-side headlines as negatives was
    /// tried: it made the model so wary of sentence pairs the stance model calls unrelated that the seed denial fell to 0.01.)
    /// </summary>
    public static IReadOnlyList<DerivedPair> FromHeadlines(IEnumerable<LabeledPair> pairs, int seed, int maxUnrelatedPerBody = 4)
    {
        var claims = new Dictionary<string, Claim?>(StringComparer.Ordinal);
        ClaimContext? Context(string headline, string passageId)
        {
            if (!claims.TryGetValue(headline, out var claim))
            {
                claims[headline] = claim = ClaimExtractor.Extract(ArticleFactory.Create("headline", headline)).FirstOrDefault();
            }
            return claim is null ? null : new ClaimContext(-1, "headline:" + passageId + ":" + headline, null, null, claim);
        }
        var random = new Random(seed);
        var result = new List<DerivedPair>();
        var seen = new HashSet<(string, string)>();
        foreach (var body in pairs.GroupBy(p => p.PassageId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var by = body.GroupBy(p => p.Label).ToDictionary(g => g.Key, g => g.Select(p => p.Claim).Distinct(StringComparer.Ordinal).ToArray());
            string[] Of(Stance s) => by.TryGetValue(s, out var h) ? h : [];
            void Add(string x, string y, bool contradiction)
            {
                if (x == y || !seen.Add(string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x))) return;
                var a = Context(x, body.Key);
                var b = Context(y, body.Key);
                if (a is not null && b is not null) result.Add(new DerivedPair(a, b, contradiction, body.Key));
            }
            foreach (var x in Of(Stance.Agree)) foreach (var y in Of(Stance.Disagree)) Add(x, y, true);
            foreach (var group in new[] { Of(Stance.Agree), Of(Stance.Disagree) })
            {
                for (int i = 0; i < group.Length; i++) for (int j = i + 1; j < group.Length; j++) Add(group[i], group[j], false);
            }
            var relatedHeadlines = Of(Stance.Agree).Concat(Of(Stance.Disagree)).Concat(Of(Stance.Discuss)).ToArray();
            var unrelated = Of(Stance.Unrelated);
            if (relatedHeadlines.Length == 0 || unrelated.Length == 0) continue;
            for (int n = 0; n < maxUnrelatedPerBody; n++)
            {
                Add(relatedHeadlines[random.Next(relatedHeadlines.Length)], unrelated[random.Next(unrelated.Length)], false);
            }
        }
        return result;
    }

    public static IReadOnlyList<DerivedPair> Derive(IEnumerable<LabeledPair> pairs)
    {
        var related = pairs.ToList();
        var bodies = new ConcurrentDictionary<string, IReadOnlyList<Claim>>(StringComparer.Ordinal);
        var headlines = new ConcurrentDictionary<string, Claim?>(StringComparer.Ordinal);
        var result = new DerivedPair?[related.Count];
        Parallel.For(0, related.Count, i =>
        {
            var p = related[i];
            var bodyClaims = bodies.GetOrAdd(p.PassageId, _ => ClaimExtractor.Extract(ArticleFactory.Create(p.PassageId, p.Passage)));
            var headline = headlines.GetOrAdd(p.Claim, h => ClaimExtractor.Extract(ArticleFactory.Create("headline", h)).FirstOrDefault());
            if (headline is null || bodyClaims.Count == 0) return;
            var headlineText = PreparedClaimText.From(headline);
            Claim? best = null, bestDenial = null;
            float bestScore = 0, bestDenialScore = 0;
            foreach (var c in bodyClaims)
            {
                var text = PreparedClaimText.From(c);
                int shared = text.Stems.Count(headlineText.Stems.Contains);
                float score = shared / (float)Math.Max(1, headlineText.Stems.Count + text.Stems.Count - shared);
                if (score > bestScore) { bestScore = score; best = c; }
                if (c.Polarity == Polarity.Denied && score > bestDenialScore) { bestDenialScore = score; bestDenial = c; }
            }
            if (bestDenial is not null && bestDenialScore >= MinDenialOverlap) best = bestDenial;
            if (best is null) return;
            result[i] = new DerivedPair(
                new ClaimContext(-1, "headline:" + p.Claim, null, null, headline),
                new ClaimContext(-1, p.PassageId, null, null, best),
                p.Label == Stance.Disagree,
                p.PassageId);
        });
        return result.Where(r => r is not null).Select(r => r!).ToList();
    }
}
