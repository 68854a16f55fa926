namespace Contradictions.Core.Stance;

/// <summary>The four FNC-1 stances of a passage towards a claim. The numeric order is the model's class order.</summary>
public enum Stance
{
    Agree = 0,
    Disagree = 1,
    Discuss = 2,
    Unrelated = 3,
}

public static class StanceNames
{
    public static IReadOnlyList<Stance> All { get; } = [Stance.Agree, Stance.Disagree, Stance.Discuss, Stance.Unrelated];

    /// <summary>The lower-case label used in FNC-1 files.</summary>
    public static string ToLabel(this Stance stance) => stance switch
    {
        Stance.Agree => "agree",
        Stance.Disagree => "disagree",
        Stance.Discuss => "discuss",
        Stance.Unrelated => "unrelated",
        _ => throw new ArgumentOutOfRangeException(nameof(stance)),
    };

    public static bool TryParse(string? label, out Stance stance)
    {
        switch (label?.Trim().ToLowerInvariant())
        {
            case "agree": stance = Stance.Agree; return true;
            case "disagree": stance = Stance.Disagree; return true;
            case "discuss": stance = Stance.Discuss; return true;
            case "unrelated": stance = Stance.Unrelated; return true;
            default: stance = default; return false;
        }
    }
}
