using System.Collections.Concurrent;
using Contradictions.ML.Data;
using Contradictions.ML.Features;

namespace Contradictions.ML.Training;

/// <summary>Feature rows for labelled pairs, each passage and claim featurised once.</summary>
internal static class PairFeatures
{
    public static float[][] Compute(Featurizer featurizer, IReadOnlyList<LabeledPair> pairs)
    {
        var passages = new ConcurrentDictionary<string, PassageFeatures>(StringComparer.Ordinal);
        var claims = new ConcurrentDictionary<string, ClaimFeatures>(StringComparer.Ordinal);
        var rows = new float[pairs.Count][];
        Parallel.For(0, pairs.Count, i =>
        {
            var pair = pairs[i];
            var passage = passages.GetOrAdd(pair.PassageId, _ => featurizer.Passage(pair.Passage));
            var claim = claims.GetOrAdd(pair.Claim, featurizer.Claim);
            var row = new float[Featurizer.Count];
            featurizer.Compute(claim, passage, row);
            rows[i] = row;
        });
        return rows;
    }
}
