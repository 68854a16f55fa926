namespace Contradictions.Core.Reliability.Veracity;

/// <summary>An Emergent article headline's stance towards its claim.</summary>
public enum HeadlineStance
{
    For,
    Against,
    Observing,
}

public static class HeadlineStanceNames
{
    public static bool TryParse(string? label, out HeadlineStance stance)
    {
        switch (label?.Trim().ToLowerInvariant())
        {
            case "for": stance = HeadlineStance.For; return true;
            case "against": stance = HeadlineStance.Against; return true;
            case "observing": stance = HeadlineStance.Observing; return true;
            default: stance = default; return false;
        }
    }

    public static AssertionStance ToAssertionStance(this HeadlineStance stance) => stance switch
    {
        HeadlineStance.For => AssertionStance.Supports,
        HeadlineStance.Against => AssertionStance.Refutes,
        _ => AssertionStance.Reports,
    };
}
