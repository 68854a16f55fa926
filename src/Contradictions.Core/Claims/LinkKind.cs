namespace Contradictions.Core.Claims;

public enum LinkKind
{
    Unknown,
    /// <summary>A news organisation: "Reuters", "the New York Post", "RIA Novosti".</summary>
    Outlet,
    /// <summary>A named person: "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov".</summary>
    Person,
    /// <summary>A named institution or government: "the Ukrainian Ministry of Defense", "the Kremlin", "Moscow".</summary>
    Body,
    /// <summary>An unnamed source: "sources", "an official", "three European diplomats".</summary>
    Anonymous,
}
