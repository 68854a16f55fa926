namespace Contradictions.Core.Reliability;

/// <summary>Output of <see cref="TruthDiscovery.Run"/>: every source's reliability and every claim's truth probability.</summary>
public sealed class ReliabilityResult
{
    private readonly Dictionary<SourceRef, SourceReliability> _bySource;
    private readonly Dictionary<string, ClaimTruth> _byClaim;

    public ReliabilityResult(IReadOnlyList<SourceReliability> sources, IReadOnlyList<ClaimTruth> claims, int iterations, bool converged)
    {
        Sources = sources;
        Claims = claims;
        Iterations = iterations;
        Converged = converged;
        _bySource = sources.ToDictionary(s => s.Source);
        _byClaim = claims.ToDictionary(c => c.ClaimId, StringComparer.Ordinal);
    }

    /// <summary>Sources in a stable order: by estimate descending, then by key.</summary>
    public IReadOnlyList<SourceReliability> Sources { get; }

    /// <summary>Claims in the graph's order.</summary>
    public IReadOnlyList<ClaimTruth> Claims { get; }

    public int Iterations { get; }
    public bool Converged { get; }

    public SourceReliability? Find(SourceRef source) => _bySource.GetValueOrDefault(source);

    public ClaimTruth? FindClaim(string claimId) => _byClaim.GetValueOrDefault(claimId);
}
