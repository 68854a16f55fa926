namespace Contradictions.ML.Tests;

/// <summary>Feature values that test trees where they split: around a threshold, and the odd ones.</summary>
internal static class ThresholdValues
{
    /// <summary>At, just below or just above <paramref name="threshold"/>, near it, NaN, an infinity or zero.</summary>
    public static float Near(Random random, float threshold) => random.Next(10) switch
    {
        0 => threshold,
        1 => MathF.BitDecrement(threshold),
        2 => MathF.BitIncrement(threshold),
        3 => float.NaN,
        4 => random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
        5 => 0,
        _ => threshold + (float)(random.NextDouble() - 0.5) * 2 * MathF.Max(1, MathF.Abs(threshold)),
    };
}
