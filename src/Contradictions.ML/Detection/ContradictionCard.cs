using System.Text.Json;
using Contradictions.ML.Model;

namespace Contradictions.ML.Detection;

/// <summary>What the pair model was trained on and how well calibrated it is on held-out pairs (all, and real ones alone).</summary>
public sealed record ContradictionCard(
    string Model,
    string StanceModel,
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
