using Contradictions.Core.Detection;

namespace Contradictions.Storage;

/// <summary>A flagged contradiction as stored: <see cref="ClaimA"/> is always the lower claim id, so a pair has one row and a stable id.</summary>
public sealed record StoredFlag(
    long Id,
    long ClaimA,
    long ClaimB,
    float Confidence,
    FlagKind Kind,
    IReadOnlyList<string> Explanation,
    float[] StanceAtoB,
    float[] StanceBtoA,
    DateTimeOffset CreatedAt);
