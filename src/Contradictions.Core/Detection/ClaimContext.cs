using Contradictions.Core.Claims;

namespace Contradictions.Core.Detection;

/// <summary>A claim with what the detector needs of its article: where it appeared, who published it and when.</summary>
public sealed record ClaimContext(
    long ClaimId,
    string ArticleKey,
    string? Outlet,
    DateOnly? Published,
    Claim Claim,
    string? OriginId = null);
