namespace Contradictions.Core.Claims;

/// <summary>How the speaker stands to the claim's content.</summary>
public enum Polarity
{
    Asserted,
    Denied,
    /// <summary>Qualified: "may", "could", "reportedly", "allegedly", "did not confirm", "believes".</summary>
    Hedged,
    Question,
}
