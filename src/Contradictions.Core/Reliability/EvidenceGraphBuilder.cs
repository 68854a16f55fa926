namespace Contradictions.Core.Reliability;

/// <summary>Collects claims, chains and priors into an <see cref="EvidenceGraph"/>.</summary>
public sealed class EvidenceGraphBuilder
{
    private readonly Dictionary<string, ClaimNode> _claims = new(StringComparer.Ordinal);
    private readonly List<SourceAssertion> _assertions = [];
    private readonly Dictionary<SourceRef, BetaDistribution> _priors = [];

    /// <summary>Adds a claim, or sets the verdict of one already added.</summary>
    public EvidenceGraphBuilder AddClaim(string claimId, bool? verdict = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimId);
        // Only a new claim or a new verdict writes: every assertion passes through here.
        if (!_claims.TryGetValue(claimId, out var existing)) _claims[claimId] = new ClaimNode(claimId, verdict);
        else if (verdict is not null && existing.Verdict != verdict) _claims[claimId] = existing with { Verdict = verdict };
        return this;
    }

    public EvidenceGraphBuilder AddAssertion(SourceAssertion assertion)
    {
        AddClaim(assertion.ClaimId);
        _assertions.Add(assertion);
        return this;
    }

    /// <summary>
    /// Adds one mention of a claim reported through a chain: <paramref name="chain"/>[0] is the publishing outlet,
    /// the last link (when there are two or more) is the speaker, links between are intermediaries.
    /// Every link is credited with the mention's stance according to its role.
    /// </summary>
    public EvidenceGraphBuilder AddMention(string claimId, string originId, AssertionStance stance, params IReadOnlyList<ChainLink> chain)
    {
        if (chain.Count == 0) throw new ArgumentException("A mention needs at least its outlet.", nameof(chain));
        for (var i = 0; i < chain.Count; i++)
        {
            var role = i == 0 ? SourceRole.Outlet : i == chain.Count - 1 ? SourceRole.Speaker : SourceRole.Intermediary;
            AddAssertion(new SourceAssertion(chain[i].Source, claimId, role, stance, originId, chain[i].Anonymous));
        }

        return this;
    }

    public EvidenceGraphBuilder SetPrior(SourceRef source, BetaDistribution prior)
    {
        _priors[source] = prior;
        return this;
    }

    public EvidenceGraph Build() => new(_claims.Values, _assertions, new Dictionary<SourceRef, BetaDistribution>(_priors));
}
