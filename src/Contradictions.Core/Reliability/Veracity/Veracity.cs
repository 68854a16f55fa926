namespace Contradictions.Core.Reliability.Veracity;

/// <summary>A claim's veracity as Emergent labels it.</summary>
public enum Veracity
{
    True,
    False,
    Unknown,
}

public static class VeracityNames
{
    public static IReadOnlyList<Veracity> All { get; } = [Veracity.True, Veracity.False, Veracity.Unknown];

    public static string ToLabel(this Veracity veracity) => veracity switch
    {
        Veracity.True => "true",
        Veracity.False => "false",
        Veracity.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(veracity)),
    };

    public static bool TryParse(string? label, out Veracity veracity)
    {
        switch (label?.Trim().ToLowerInvariant())
        {
            case "true": veracity = Veracity.True; return true;
            case "false": veracity = Veracity.False; return true;
            case "unknown": veracity = Veracity.Unknown; return true;
            default: veracity = default; return false;
        }
    }
}
