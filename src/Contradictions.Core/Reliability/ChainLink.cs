namespace Contradictions.Core.Reliability;

/// <summary>One link of an attribution chain, e.g. outlet → news agency → "unnamed official".</summary>
public sealed record ChainLink(SourceRef Source, bool Anonymous = false);
