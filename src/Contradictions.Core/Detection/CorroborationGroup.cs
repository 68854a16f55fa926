namespace Contradictions.Core.Detection;

/// <summary>
/// Claims that restate one another. <see cref="Origins"/> are the distinct origin ids in the group;
/// <see cref="IndependentOrigins"/> counts them after copies collapse and an outlet repeating the same speaker
/// counts once: the number that corroboration may use.
/// </summary>
public sealed record CorroborationGroup(IReadOnlyList<long> ClaimIds, IReadOnlyList<string> Origins, int IndependentOrigins);
