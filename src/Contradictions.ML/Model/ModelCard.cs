using System.Text.Json;
using System.Text.Json.Serialization;
using Contradictions.Core.Stance;

namespace Contradictions.ML.Model;

/// <summary>Metrics as written to a model card and printed by <c>evaluate --json</c>.</summary>
public sealed record MetricsCard(
    int Pairs,
    double FncScore,
    double FncMax,
    double FncRelative,
    double Accuracy,
    double MacroF1,
    IReadOnlyDictionary<string, ClassCard> Classes,
    IReadOnlyList<string> ConfusionOrder,
    int[][] Confusion)
{
    public static MetricsCard From(StanceMetrics m) => new(
        m.Confusion.Sum(r => r.Sum()),
        Math.Round(m.FncScore, 2),
        m.FncMax,
        Math.Round(m.FncRelative, 4),
        Math.Round(m.Accuracy, 4),
        Math.Round(m.MacroF1, 4),
        m.Classes.ToDictionary(c => c.Stance.ToLabel(), c => new ClassCard(Math.Round(c.Precision, 4), Math.Round(c.Recall, 4), Math.Round(c.F1, 4), c.Support)),
        StanceNames.All.Select(s => s.ToLabel()).ToArray(),
        m.Confusion);
}

public sealed record ClassCard(double Precision, double Recall, double F1, int Support);

/// <summary>
/// Reviewed pairs folded into training (<c>train --with-reviews</c>): where they came from (a CSV file or a
/// database), how many were used, how many were dropped because the evaluation data holds them, the SHA-256 of
/// the rows as <c>export-training</c> writes them (of the file itself for a CSV) and their example weight.
/// </summary>
public sealed record ReviewsCard(string Source, int Rows, int DroppedAsEvaluation, string Sha256, double Weight);

/// <summary>What a model was trained on and how it scored: written next to the model as JSON.</summary>
public sealed record ModelCard(
    string Model,
    string CreatedWith,
    string TrainedOn,
    IReadOnlyList<string> DataFiles,
    string DataSha256,
    int TrainingPairs,
    int Seed,
    string Trainer,
    IReadOnlyDictionary<string, object> TrainerOptions,
    IReadOnlyList<float> ClassScale,
    IReadOnlyList<string> Features,
    MetricsCard? HoldOut,
    double TrainingSeconds,
    ReviewsCard? Reviews = null)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    public static ModelCard Load(string path) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty model card");
}
