namespace Contradictions.ML.Detection;

/// <summary>One bin of a reliability table: predicted confidence against the observed share of contradictions.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double ObservedRate);

/// <summary>Expected calibration error, reliability table and precision/recall at a threshold, on held-out pairs.</summary>
public sealed record CalibrationReport(
    int Pairs,
    int Contradictions,
    double ExpectedCalibrationError,
    double BrierScore,
    double Precision,
    double Recall,
    double F1,
    double Threshold,
    IReadOnlyList<ReliabilityBin> Bins)
{
    public static CalibrationReport Compute(IReadOnlyList<float> confidence, IReadOnlyList<bool> label, int bins = 10, double threshold = 0.5)
    {
        var table = new List<ReliabilityBin>();
        double ece = 0, brier = 0;
        int n = confidence.Count;
        for (int b = 0; b < bins; b++)
        {
            double lo = b / (double)bins, hi = (b + 1) / (double)bins;
            var idx = Enumerable.Range(0, n).Where(i => confidence[i] >= lo && (confidence[i] < hi || (b == bins - 1 && confidence[i] <= hi))).ToList();
            if (idx.Count == 0) { table.Add(new ReliabilityBin(lo, hi, 0, 0, 0)); continue; }
            double mean = idx.Average(i => (double)confidence[i]);
            double rate = idx.Count(i => label[i]) / (double)idx.Count;
            ece += idx.Count / (double)n * Math.Abs(mean - rate);
            table.Add(new ReliabilityBin(lo, hi, idx.Count, Math.Round(mean, 4), Math.Round(rate, 4)));
        }
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < n; i++)
        {
            brier += Math.Pow(confidence[i] - (label[i] ? 1 : 0), 2);
            bool predicted = confidence[i] >= threshold;
            if (predicted && label[i]) tp++;
            else if (predicted) fp++;
            else if (label[i]) fn++;
        }
        double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new CalibrationReport(n, label.Count(l => l), Math.Round(ece, 4), Math.Round(brier / Math.Max(1, n), 4),
            Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), threshold, table);
    }
}
