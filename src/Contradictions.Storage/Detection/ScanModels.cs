using Contradictions.Core.Detection;
using Contradictions.Storage.Ingest;

namespace Contradictions.Storage.Detection;

/// <summary>One side of a flag as shown to a reader: where the claim appeared and who it is attributed to.</summary>
public sealed record FlagSide(long ClaimId, string Article, string? Outlet, IReadOnlyList<string> Chain, string Text, DateOnly? Published);

/// <summary>A flagged contradiction with both sides and the explanation lines.</summary>
public sealed record FlagView(long Id, float Confidence, FlagKind Kind, FlagSide A, FlagSide B, IReadOnlyList<string> Explanation);

/// <summary>Claims restating one another, and how many independent origins (copies collapsed) stand behind them.</summary>
public sealed record Corroboration(IReadOnlyList<string> Claims, int IndependentOrigins);

/// <summary>What a scan did and found.</summary>
public sealed record ScanResult(
    IngestSummary Ingest,
    int Articles,
    int Claims,
    int PairsScored,
    IReadOnlyList<FlagView> Flags,
    IReadOnlyList<Corroboration> Corroborations);

/// <summary>Scan settings.</summary>
public sealed class ScanOptions
{
    /// <summary>Candidates retrieved per claim from the inverted index.</summary>
    /// <value>Defaults to 10.</value>
    public int CandidatesPerClaim { get; init; } = 10;

    /// <summary>Scored pairs at or above this confidence are stored as flags (output filters further).</summary>
    /// <value>Defaults to 0.1.</value>
    public float FlagFloor { get; init; } = 0.1f;

    /// <summary>Word-overlap (Jaccard of content words) above which two same-polarity claims restate each other.</summary>
    /// <value>Defaults to 0.6.</value>
    public float RestatementOverlap { get; init; } = 0.6f;

    /// <summary>Scored pairs written per transaction: a killed scan loses at most one batch, which the next scan redoes.</summary>
    /// <value>Defaults to 500.</value>
    public int BatchSize { get; init; } = 500;

    /// <summary>How articles are read.</summary>
    public ArticleReaderOptions Reader { get; init; } = new();
}
