namespace Contradictions.Core.Reliability;

/// <summary>What a source's assertion says about a claim.</summary>
public enum AssertionStance
{
    /// <summary>Asserts the claim is true.</summary>
    Supports,

    /// <summary>Asserts the claim is false (a denial when the source is the party the claim was attributed to).</summary>
    Refutes,

    /// <summary>Mentions the claim without taking a side (Emergent's "observing"); not a vote.</summary>
    Reports,
}
