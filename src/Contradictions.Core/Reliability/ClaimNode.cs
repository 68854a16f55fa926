namespace Contradictions.Core.Reliability;

/// <summary>
/// A proposition whose truth is to be estimated. Mentions of it in many articles are <see cref="SourceAssertion"/>s;
/// a contradiction flag maps to one node whose one side supports and whose other side refutes it.
/// </summary>
/// <param name="Id">Unique id of the proposition.</param>
/// <param name="Verdict">A reviewer's verdict when there is one (true: the claim held); the strongest evidence.</param>
public sealed record ClaimNode(string Id, bool? Verdict = null);
