namespace Contradictions.Core.Reliability;

/// <summary>
/// The source–claim graph: propositions, who asserted what through which chain, and optional priors.
/// Independent of storage: build it from stored claims, flags and verdicts, or from a data set.
/// </summary>
public sealed class EvidenceGraph
{
    public EvidenceGraph(
        IEnumerable<ClaimNode> claims,
        IEnumerable<SourceAssertion> assertions,
        IReadOnlyDictionary<SourceRef, BetaDistribution>? priors = null)
    {
        var claimList = claims.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claimList)
        {
            if (!ids.Add(claim.Id)) throw new ArgumentException($"Claim '{claim.Id}' appears twice.", nameof(claims));
        }

        var assertionList = assertions.ToList();
        foreach (var assertion in assertionList)
        {
            if (!ids.Contains(assertion.ClaimId))
                throw new ArgumentException($"Assertion by {assertion.Source} names unknown claim '{assertion.ClaimId}'.", nameof(assertions));
        }

        Claims = claimList;
        Assertions = assertionList;
        Priors = priors ?? new Dictionary<SourceRef, BetaDistribution>();
    }

    public IReadOnlyList<ClaimNode> Claims { get; }
    public IReadOnlyList<SourceAssertion> Assertions { get; }

    /// <summary>Per-source priors (e.g. from <see cref="SourcePriors"/>); sources not listed get <see cref="ReliabilityOptions.DefaultPrior"/>.</summary>
    public IReadOnlyDictionary<SourceRef, BetaDistribution> Priors { get; }
}
