namespace Contradictions.Core.Detection;

/// <summary>
/// A claim's origin (from <see cref="OriginClusterer"/>) and voice: the outlet that published it and the
/// innermost speaker's key. Claims of one outlet with the same speaker are one voice, however many articles repeat them.
/// </summary>
public sealed record ClaimOrigin(long ClaimId, string OriginId, string? Outlet = null, string? SpeakerKey = null);
