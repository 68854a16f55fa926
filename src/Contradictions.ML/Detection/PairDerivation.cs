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
