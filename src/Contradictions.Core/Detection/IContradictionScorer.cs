using Contradictions.Core.Stance;

namespace Contradictions.Core.Detection;

/// <summary>Scores a candidate pair of claims: how likely they contradict, of what kind, and why.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IContradictionScorer
{
    ScoredPair Score(ClaimContext a, ClaimContext b);

    /// <summary>
    /// The same score, with cues only if the confidence reaches <paramref name="explainFrom"/>: a scan keeps cues only
    /// with the pairs it stores as flags, and most pairs stay below that.
    /// </summary>
    ScoredPair Score(ClaimContext a, ClaimContext b, float explainFrom)
    {
        var scored = Score(a, b);
        return scored.Confidence < explainFrom ? scored with { Cues = [] } : scored;
    }

    /// <summary>
    /// Scores each pair of <paramref name="pairs"/> into the same index of <paramref name="scores"/>, as
    /// <see cref="Score(ClaimContext, ClaimContext, float)"/> would: a scorer may score several pairs at once faster.
    /// </summary>
    void Score(ReadOnlySpan<(ClaimContext A, ClaimContext B)> pairs, float explainFrom, Span<ScoredPair> scores) =>
        ScoreEach(this, pairs, explainFrom, scores);

    /// <summary>
    /// The batch scored pair by pair: the default, and what a scorer that implements the batch call itself does where
    /// it cannot do better (calling the interface's method from there would call its own).
    /// </summary>
    static void ScoreEach(IContradictionScorer scorer, ReadOnlySpan<(ClaimContext A, ClaimContext B)> pairs, float explainFrom, Span<ScoredPair> scores)
    {
        if (scores.Length < pairs.Length) throw new ArgumentException($"room for {scores.Length} scores, {pairs.Length} pairs", nameof(scores));
        for (int i = 0; i < pairs.Length; i++) scores[i] = scorer.Score(pairs[i].A, pairs[i].B, explainFrom);
    }

    /// <summary>
    /// Does ahead whatever the scorer needs of one stored claim alone (a scan calls it for each claim while ingest
    /// is still writing), so scoring pairs later does not wait for it. Optional: scoring prepares what it lacks.
    /// </summary>
    void Prepare(long claimId, Claims.Claim claim)
    {
    }
}

/// <summary>A calibrated contradiction probability with the kind, the cues that fired and the stance probabilities both ways.</summary>
/// <remarks>A value: a scan scores every candidate pair (173,057 for the FNC-1 bodies) and keeps one in eight as a flag.</remarks>
public readonly record struct ScoredPair(
    float Confidence,
    FlagKind Kind,
    IReadOnlyList<string> Cues,
    StanceProbabilities AtoB,
    StanceProbabilities BtoA,
    float Overlap);
