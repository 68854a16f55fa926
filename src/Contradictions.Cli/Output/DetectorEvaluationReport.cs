using System.Globalization;
using System.Text.Json;
using Contradictions.ML.Evaluation;
using Contradictions.Storage.Detection;

namespace Contradictions.Cli.Output;

/// <summary>What <c>evaluate-detector</c> prints: what was scanned, the body pairs judged, and precision/recall per threshold.</summary>
internal sealed record DetectorEvaluationReport(
    string Split,
    int Bodies,
    ScanResult Scan,
    int FlagsAtLowestThreshold,
    BodyPairTruth Truth,
    int ExcludedSameText,
    int ComparedContradictions,
    int ComparedConsistent,
    double MinConfidence,
    IReadOnlyList<BodyPairCounts> Counts)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private BodyPairCounts Main => Counts.Single(c => c.Threshold == MinConfidence);

    /// <summary>Precision of flagging every judged pair: what a detector must beat to separate anything.</summary>
    private double? BaseRate => Truth.Contradictions.Count + Truth.Consistent.Count == 0 ? null
        : (double)Truth.Contradictions.Count / (Truth.Contradictions.Count + Truth.Consistent.Count);

    public void WriteJson(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(new
    {
        Split,
        Bodies,
        Scan.Articles,
        Scan.Claims,
        PairsScored = Scan.PairsScored,
        FlagsAtLowestThreshold,
        Truth.Headlines,
        Contradictions = Truth.Contradictions.Count,
        Consistent = Truth.Consistent.Count,
        ExcludedConflicting = Truth.Conflicting,
        ExcludedSameText,
        ComparedContradictions,
        ComparedConsistent,
        BaseRatePrecision = BaseRate,
        MinConfidence,
        Main.Precision,
        Main.Recall,
        Main.F1,
        Thresholds = Counts.Select(c => new
        {
            c.Threshold, c.TruePositives, c.FalsePositives, c.FalseNegatives, c.TrueNegatives, c.Precision, c.Recall, c.F1,
        }),
    }, Json));

    public void WriteText(TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"FNC-1 {Split} bodies: {Bodies:N0} scanned as articles ({Scan.Articles:N0} stored, {Scan.Claims:N0} claims, {Scan.PairsScored:N0} candidate pairs scored)"));
        output.WriteLine(string.Create(inv, $"headlines with an agreeing and a disagreeing body: {Truth.Headlines:N0}"));
        output.WriteLine(string.Create(inv, $"body pairs: {Truth.Contradictions.Count:N0} contradictions (agree × disagree), {Truth.Consistent.Count:N0} consistent (agree × agree); left out: {Truth.Conflicting:N0} labelled both ways, {ExcludedSameText:N0} with identical text"));
        output.WriteLine(string.Create(inv, $"compared (≥ 1 claim pair scored): {ComparedContradictions:N0} of the contradictions, {ComparedConsistent:N0} of the consistent pairs"));
        output.WriteLine(string.Create(inv, $"precision of flagging every judged pair (base rate): {Metric(BaseRate)}"));
        output.WriteLine();
        output.WriteLine("threshold  flagged contr.  flagged consistent  precision  recall     F1");
        foreach (var c in Counts)
        {
            output.WriteLine(string.Create(inv,
                $"{c.Threshold,9:0.00}  {c.TruePositives,6:N0} of {Truth.Contradictions.Count,-5:N0}  {c.FalsePositives,8:N0} of {Truth.Consistent.Count,-7:N0}  {Metric(c.Precision),9}  {Metric(c.Recall),6}  {Metric(c.F1),5}{(c.Threshold == MinConfidence ? "  ←" : "")}"));
        }
    }

    private static string Metric(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
