namespace Contradictions.Core.Stance;

/// <summary>Precision, recall and F1 of one class.</summary>
public sealed record ClassMetrics(Stance Stance, double Precision, double Recall, double F1, int Support);

/// <summary>
/// FNC-1 score (0.25 for getting related/unrelated right, 0.75 more for the exact related stance), accuracy,
/// per-class and macro F1, and the confusion matrix (rows gold, columns predicted, in <see cref="Stance"/> order).
/// </summary>
public sealed record StanceMetrics(
    double FncScore,
    double FncMax,
    double Accuracy,
    IReadOnlyList<ClassMetrics> Classes,
    int[][] Confusion)
{
    public double FncRelative => FncMax == 0 ? 0 : FncScore / FncMax;
    public double MacroF1 => Classes.Average(c => c.F1);
    public ClassMetrics this[Stance stance] => Classes[(int)stance];

    public static StanceMetrics Compute(IReadOnlyList<Stance> gold, IReadOnlyList<Stance> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("gold and predicted differ in length");
        var confusion = new int[4][];
        for (int i = 0; i < 4; i++) confusion[i] = new int[4];
        double score = 0, max = 0;
        int correct = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            var p = predicted[i];
            confusion[(int)g][(int)p]++;
            if (g == p) correct++;
            bool goldRelated = g != Stance.Unrelated, predictedRelated = p != Stance.Unrelated;
            max += goldRelated ? 1 : 0.25;
            if (goldRelated == predictedRelated) score += 0.25;
            if (goldRelated && g == p) score += 0.75;
        }
        var classes = new List<ClassMetrics>(4);
        foreach (var s in StanceNames.All)
        {
            int c = (int)s;
            int tp = confusion[c][c];
            int predictedCount = Enumerable.Range(0, 4).Sum(r => confusion[r][c]);
            int support = confusion[c].Sum();
            double precision = predictedCount == 0 ? 0 : tp / (double)predictedCount;
            double recall = support == 0 ? 0 : tp / (double)support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassMetrics(s, precision, recall, f1, support));
        }
        return new StanceMetrics(score, max, gold.Count == 0 ? 0 : correct / (double)gold.Count, classes, confusion);
    }
}
