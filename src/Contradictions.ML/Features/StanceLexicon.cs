namespace Contradictions.ML.Features;

/// <summary>
/// Naive-Bayes log-odds of each passage term for agree, disagree and discuss among related training pairs
/// (Wang &amp; Manning 2012 style NB features). Learned from the training labels, so training rows get a lexicon
/// built without their own passages (cross-fitting). Claim-side log-odds were tried and dropped: they lifted
/// hold-out scores by memorising FNC-1's recurring headlines but pushed unseen claims towards discuss.
/// </summary>
internal sealed class StanceLexicon
{
    public const int Classes = 3;
    private const float Smoothing = 1f;

    /// <summary>[term * 3 + class].</summary>
    public float[] Passage { get; }

    public StanceLexicon(float[] passage) => Passage = passage;

    public static StanceLexicon Empty(int terms) => new(new float[terms * Classes]);

    /// <param name="pairs">Related pairs: the passage's distinct term ids and the class 0..2 (agree, disagree, discuss).</param>
    public static StanceLexicon Build(int terms, IEnumerable<(int[] PassageTerms, int Class)> pairs)
    {
        var counts = new float[terms * Classes];
        var totals = new float[Classes];
        foreach (var (passage, c) in pairs)
        {
            totals[c]++;
            foreach (var t in passage) counts[t * Classes + c]++;
        }
        return new StanceLexicon(LogOdds(counts, totals, terms));
    }

    private static float[] LogOdds(float[] counts, float[] totals, int terms)
    {
        float all = totals.Sum();
        var result = new float[counts.Length];
        for (int t = 0; t < terms; t++)
        {
            float termAll = counts[t * Classes] + counts[t * Classes + 1] + counts[t * Classes + 2];
            for (int c = 0; c < Classes; c++)
            {
                float inClass = counts[t * Classes + c];
                float rest = termAll - inClass;
                float p = (inClass + Smoothing) / (totals[c] + 2 * Smoothing);
                float q = (rest + Smoothing) / (all - totals[c] + 2 * Smoothing);
                result[t * Classes + c] = MathF.Log(p / q);
            }
        }
        return result;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Passage.Length);
        foreach (var v in Passage) w.Write(v);
    }

    public static StanceLexicon Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var passage = new float[n];
        for (int i = 0; i < n; i++) passage[i] = r.ReadSingle();
        return new StanceLexicon(passage);
    }
}
