namespace Contradictions.ML.Training;

/// <summary>ML.NET's row for one binary head; the feature vector size is set on the schema at load time.</summary>
public sealed class HeadRow
{
    public float[] Features { get; set; } = [];
    public bool Label { get; set; }
    public float Weight { get; set; }
}
