namespace Contradictions.Core.Claims;

/// <summary>
/// One hop of an attribution chain. <see cref="Name"/> is as written (determiners and titles trimmed);
/// <see cref="Key"/> is normalised so the same source matches across articles ("ukraine ministry of defense").
/// </summary>
public sealed record AttributionLink(string Name, LinkKind Kind, bool Anonymous, string Key)
{
    public override string ToString() => Name;
}
