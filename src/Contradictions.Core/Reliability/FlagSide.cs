namespace Contradictions.Core.Reliability;

/// <summary>Which side of a contradiction flag the evidence favours.</summary>
public enum FlagSide
{
    Undetermined,
    A,
    B,
}
