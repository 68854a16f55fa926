using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Model;

namespace Contradictions.ML.Training;

/// <summary>
/// Picks per-class probability scales that maximise macro-F1 plus relative FNC score on tuning pairs: the
/// heads are calibrated for likelihood, but the decision rule should favour the rare disagree class more.
/// </summary>
internal static class ClassScaleTuner
{
    private static readonly float[] Grid = [0.5f, 0.7f, 1f, 1.4f, 2f, 2.8f, 4f, 5.6f, 8f];

    public static float[] Tune(StanceModel model, IReadOnlyList<LabeledPair> tuning)
    {
        var probabilities = model.PredictBatch(tuning.Select(p => (p.Claim, p.Passage)).ToArray());
        var gold = tuning.Select(p => p.Label).ToArray();
        var best = new float[] { 1, 1, 1, 1 };
        double bestScore = double.MinValue;
        var predicted = new Stance[gold.Length];
        foreach (var agree in Grid)
        foreach (var disagree in Grid)
        foreach (var unrelated in new[] { 0.7f, 1f, 1.4f })
        {
            for (int i = 0; i < gold.Length; i++)
            {
                var p = probabilities[i];
                predicted[i] = Argmax(p.Agree * agree, p.Disagree * disagree, p.Discuss, p.Unrelated * unrelated);
            }
            var m = StanceMetrics.Compute(gold, predicted);
            double score = m.MacroF1 + m.FncRelative;
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                best = [agree, disagree, 1, unrelated];
            }
        }
        return best;
    }

    private static Stance Argmax(float a, float d, float s, float u)
    {
        var best = Stance.Agree;
        float max = a;
        if (d > max) { max = d; best = Stance.Disagree; }
        if (s > max) { max = s; best = Stance.Discuss; }
        if (u > max) best = Stance.Unrelated;
        return best;
    }
}
