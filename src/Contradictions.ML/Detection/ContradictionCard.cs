using System.Text.Json;
using Contradictions.ML.Model;

namespace Contradictions.ML.Detection;

/// <summary>
/// The stance model inside the pair model: how it was trained, the trees one prediction evaluates, and its scores on
/// the FNC-1 hold-out pairs (the stance classifier's own test).
/// </summary>
public sealed record PairStanceCard(string TrainedOn, int TreesPerHead, int RelatedTrees, int TreesPerPrediction, MetricsCard HoldOut);

/// <summary>What the pair model was trained on and how well calibrated it is on held-out pairs (all, and real ones alone).</summary>
public sealed record ContradictionCard(
    string Model,
    PairStanceCard PairStance,
    IReadOnlyList<string> DataFiles,
    string DataSha256,
    int TrainingRows,
    int Seed,
    string Trainer,
    string Calibrator,
    IReadOnlyList<string> Features,
    string HeldOutData,
    CalibrationReport HeldOut,
    CalibrationReport RealHeldOut,
    double TrainingSeconds)
{
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, ModelCard.Json) + "\n");

    public static ContradictionCard Load(string path) =>
        JsonSerializer.Deserialize<ContradictionCard>(File.ReadAllText(path), ModelCard.Json) ?? throw new InvalidDataException($"{path}: empty card");
}
