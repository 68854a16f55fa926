using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.ML.Features;
using Contradictions.ML.Model;

namespace Contradictions.ML.Detection;

public sealed partial class ContradictionModel
{
    /// <summary>
    /// Scores the pairs sixteen at a time where AVX-512 runs (<see cref="LaneTrees.IsSupported"/>): the stance trees
    /// both ways and the pair trees in both orders each run once over a block of sixteen feature vectors, where each
    /// vector took its own hard-to-predict branch at every split. Features, probabilities, kinds and cues are computed
    /// as <see cref="Score(ClaimContext, ClaimContext, float)"/> computes them, and the lanes give the trees' own sums,
    /// so every score is that method's to the bit (tested). Elsewhere it is that method, pair by pair.
    /// </summary>
    public void Score(ReadOnlySpan<(ClaimContext A, ClaimContext B)> pairs, float explainFrom, Span<ScoredPair> scores)
    {
        if (StanceLanes is not { } stanceTrees || PairLanes is not { } pairTrees)
        {
            IContradictionScorer.ScoreEach(this, pairs, explainFrom, scores);
            return;
        }
        if (scores.Length < pairs.Length) throw new ArgumentException($"room for {scores.Length} scores, {pairs.Length} pairs", nameof(scores));
        const int L = LaneTrees.Lanes;
        int stanceCount = Featurizer.Count, pairCount = PairFeatureExtractor.Count;
        Span<float> ab = stackalloc float[stanceCount], ba = stackalloc float[stanceCount];
        Span<float> abBlock = stackalloc float[stanceCount * L], baBlock = stackalloc float[stanceCount * L];
        Span<StanceProbabilities> abStance = stackalloc StanceProbabilities[L], baStance = stackalloc StanceProbabilities[L];
        Span<float> features = stackalloc float[pairCount * L], swapped = stackalloc float[pairCount];
        Span<float> pairBlock = stackalloc float[pairCount * L], swappedBlock = stackalloc float[pairCount * L];
        Span<float> scoreAB = stackalloc float[L], scoreBA = stackalloc float[L];
        var sides = new (Prepared A, Prepared B)[L];
        for (int start = 0; start < pairs.Length; start += L)
        {
            var group = pairs.Slice(start, Math.Min(L, pairs.Length - start));
            // Lanes past the last pair repeat its features: scored with the rest, and dropped.
            for (int l = 0; l < L; l++)
            {
                if (l < group.Length)
                {
                    var (pa, pb) = sides[l] = (Prepare(group[l].A), Prepare(group[l].B));
                    stance.Featurizer.ComputeBoth(pa.AsClaim, pa.AsPassage, pb.AsClaim, pb.AsPassage, ab, ba);
                }
                Put(ab, abBlock, l);
                Put(ba, baBlock, l);
            }
            stance.Score(stanceTrees, abBlock, abStance[..group.Length]);
            stance.Score(stanceTrees, baBlock, baStance[..group.Length]);
            for (int l = 0; l < L; l++)
            {
                var f = features.Slice(Math.Min(l, group.Length - 1) * pairCount, pairCount);
                if (l < group.Length)
                {
                    var (a, b) = group[l];
                    PairFeatureExtractor.Compute(a, sides[l].A.Text, b, sides[l].B.Text, abStance[l], baStance[l], f);
                    PairFeatureExtractor.Swap(f, swapped);
                }
                Put(f, pairBlock, l);
                Put(swapped, swappedBlock, l);
            }
            pairTrees.Score(pairBlock, scoreAB);
            pairTrees.Score(swappedBlock, scoreBA);
            for (int l = 0; l < group.Length; l++)
            {
                var (a, b) = group[l];
                float confidence = head.ProbabilityOfScore(MeanOfOrders(scoreAB[l], scoreBA[l]));
                scores[start + l] = Scored(a, sides[l].A, b, sides[l].B, abStance[l], baStance[l], features.Slice(l * pairCount, pairCount), confidence, explainFrom);
            }
        }
    }

    /// <summary>Off, pairs are scored one by one (trees walked, then compiled), as where lanes cannot run: for tests of that path.</summary>
    internal bool LanesOff { get; set; }

    /// <summary>Whether <see cref="Score(ReadOnlySpan{ValueTuple{ClaimContext, ClaimContext}}, float, Span{ScoredPair})"/> scores in lanes.</summary>
    internal bool ScoresInLanes => StanceLanes is not null && PairLanes is not null;

    private LaneTrees? StanceLanes => LanesOff ? null : stance.Lanes;

    private LaneTrees? PairLanes => LanesOff ? null : pairLanes.Value;

    // Built on first use: a model loaded for anything but scoring pairs never needs them.
    private readonly Lazy<LaneTrees?> pairLanes;

    // Lane l of a block holds feature i at i × Lanes + l.
    private static void Put(ReadOnlySpan<float> vector, Span<float> block, int lane)
    {
        for (int i = 0; i < vector.Length; i++) block[i * LaneTrees.Lanes + lane] = vector[i];
    }
}
