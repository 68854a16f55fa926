using System.Collections.Concurrent;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;

namespace Contradictions.ML.Detection;

/// <summary>
/// Sentence pairs from FNC-1 bodies, shaped like the pairs a scan scores: two news sentences about one story.
/// For every headline, each related body contributes the sentences that carry its stance towards the headline:
/// an agreeing body its sentences restating the headline, a disagreeing body its sentences refuting it (a
/// denial, or "fake", "hoax", "false"…, covering part of the headline), a discussing body its restatements.
/// A refutation against the headline or a restatement of it is a contradiction, in another body or in its own
/// (the seed pattern: a report and, further down, the denial). Two restatements, a restatement and a discussion,
/// or two refutations are consistent. Refutations inside agreeing or discussing bodies are left out: the body's
/// label does not say what they contradict. The labels come from the body's stance, not from reading each pair,
/// so they are noisy; they are still far closer to scan pairs than headline pairs are.
/// </summary>
public static class SentencePairDerivation
{
    /// <summary>Share of the headline's content words a sentence must contain to restate it.</summary>
    public const float RestatementCoverage = 0.4f;

    /// <summary>Share of the headline's content words a refuting sentence must contain to be about it.</summary>
    public const float RefutationCoverage = 0.25f;

    /// <summary>Share of the smaller sentence's content words two sentences must share to be paired across bodies.</summary>
    public const float MinPairOverlap = 0.15f;

    // The strong refuting words: "not", "never" or "despite" alone do not make a sentence a refutation.
    private static readonly HashSet<string> Refuting = new(StringComparer.Ordinal)
    {
        "fake", "fakes", "fraud", "hoax", "hoaxes", "false", "falsely", "deny", "denies", "denied", "denying", "denial",
        "refute", "refutes", "refuted", "bogus", "debunk", "debunked", "debunks", "prank", "retract", "retracted",
        "retraction", "untrue", "misleading", "fabricated", "fabrication", "baseless", "unfounded", "nonsense", "myth",
        "lie", "lies", "satire", "satirical", "incorrect", "photoshopped", "doctored", "spoof", "parody",
    };

    private sealed record Sentence(Claim Claim, PreparedClaimText Text, float Coverage, string BodyId);

    public static IReadOnlyList<DerivedPair> Derive(IEnumerable<LabeledPair> pairs, int seed, int maxPairsPerKind = 6)
    {
        var related = pairs.Where(p => p.Label != Stance.Unrelated).ToList();
        var passages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in related) passages.TryAdd(p.PassageId, p.Passage);
        var bodies = new ConcurrentDictionary<string, (Claim Claim, PreparedClaimText Text)[]>(StringComparer.Ordinal);
        Parallel.ForEach(passages, kv => bodies[kv.Key] = ClaimExtractor.Extract(ArticleFactory.Create(kv.Key, kv.Value))
            .Select(c => (c, PreparedClaimText.From(c))).ToArray());

        var random = new Random(seed);
        var result = new List<DerivedPair>();
        foreach (var story in related.GroupBy(p => p.Claim, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var headline = ClaimExtractor.Extract(ArticleFactory.Create("headline", story.Key)).FirstOrDefault();
            if (headline is null) continue;
            var h = PreparedClaimText.From(headline);
            var restating = new List<Sentence>();
            var refuting = new List<Sentence>();
            var discussing = new List<Sentence>();
            foreach (var body in story.DistinctBy(p => p.PassageId).OrderBy(p => p.PassageId, StringComparer.Ordinal))
            {
                var sentences = bodies[body.PassageId].Select(s => new Sentence(s.Claim, s.Text, Coverage(h, s.Text), body.PassageId)).ToArray();
                switch (body.Label)
                {
                    case Stance.Agree: restating.AddRange(Top(sentences.Where(s => !IsRefutation(s) && s.Coverage >= RestatementCoverage), 2)); break;
                    case Stance.Disagree:
                        refuting.AddRange(Top(sentences.Where(s => IsRefutation(s) && s.Coverage >= RefutationCoverage), 2));
                        // The report a disagreeing body goes on to refute is one of its own restatements.
                        restating.AddRange(Top(sentences.Where(s => !IsRefutation(s) && s.Coverage >= RestatementCoverage), 1));
                        break;
                    case Stance.Discuss: discussing.AddRange(Top(sentences.Where(s => !IsRefutation(s) && s.Coverage >= RestatementCoverage), 1)); break;
                }
            }
            string group = "story:" + story.Key;
            var headlineContext = new ClaimContext(-1, "headline:" + story.Key, null, null, headline);
            void Add(IEnumerable<(Sentence? A, Sentence B)> candidates, bool contradiction)
            {
                var chosen = candidates.Where(c => c.A is null || (c.A.Claim.Text != c.B.Claim.Text && Overlap(c.A.Text, c.B.Text) >= MinPairOverlap)).ToList();
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chosen));
                foreach (var (a, b) in chosen.Take(maxPairsPerKind))
                {
                    var left = a is null ? headlineContext : Context(a);
                    result.Add(new DerivedPair(left, Context(b), contradiction, group));
                }
            }
            // A denial of one outlet's restatement contradicts another outlet's: the paraphrase between them is what
            // real denials look like. A denial of a sentence about something else in that body does not.
            foreach (var (a, b) in (from a in restating from b in restating where a.BodyId != b.BodyId select (a, b))
                .OrderBy(_ => random.Next()).Take(maxPairsPerKind))
            {
                if (SyntheticPairDerivation.DenialAgainst(a.Claim, b.Claim, true, group, random) is { } denial) result.Add(denial);
                var aside = bodies[b.BodyId].Where(o => Coverage(h, o.Text) < 0.2f && o.Claim.Polarity == Polarity.Asserted)
                    .OrderByDescending(o => Overlap(a.Text, o.Text)).ThenBy(o => o.Claim.Ordinal).FirstOrDefault();
                if (aside.Claim is not null && SyntheticPairDerivation.DenialAgainst(a.Claim, aside.Claim, false, group, random) is { } other) result.Add(other);
            }
            Add(refuting.Select(r => ((Sentence?)null, r)), true);
            Add(restating.Concat(discussing).Select(r => ((Sentence?)null, r)), false);
            Add(from a in restating from b in refuting select ((Sentence?)a, b), true);
            Add(from a in restating from b in restating where string.CompareOrdinal(a.BodyId, b.BodyId) < 0 select ((Sentence?)a, b), false);
            Add(from a in discussing from b in restating select ((Sentence?)a, b), false);
            Add(from a in refuting from b in refuting where string.CompareOrdinal(a.BodyId, b.BodyId) < 0 select ((Sentence?)a, b), false);
        }
        return result;
    }

    private static ClaimContext Context(Sentence s) => new(-1, s.BodyId + ":" + s.Claim.Text, null, null, s.Claim);

    private static bool IsRefutation(Sentence s) => s.Claim.Polarity == Polarity.Denied || s.Text.Tokens().Any(Refuting.Contains);

    private static IEnumerable<Sentence> Top(IEnumerable<Sentence> sentences, int n) =>
        sentences.OrderByDescending(s => s.Coverage).ThenBy(s => s.Claim.Text, StringComparer.Ordinal).Take(n);

    private static float Coverage(PreparedClaimText of, PreparedClaimText @in)
    {
        if (of.Stems.Count == 0) return 0;
        int covered = 0;
        foreach (var s in of.Stems) if (@in.Stems.Contains(s)) covered++;
        return covered / (float)of.Stems.Count;
    }

    private static float Overlap(PreparedClaimText a, PreparedClaimText b) => Overlap(a.Stems, b.Stems);

    /// <summary>Share of the smaller set's stems the other set holds (0 when either is empty).</summary>
    internal static float Overlap(HashSet<string> a, HashSet<string> b)
    {
        int smaller = Math.Min(a.Count, b.Count);
        if (smaller == 0) return 0;
        int shared = 0;
        foreach (var s in a) if (b.Contains(s)) shared++;
        return shared / (float)smaller;
    }
}
