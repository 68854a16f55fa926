using Contradictions.Core.Detection;
using Contradictions.Storage.Ingest;

namespace Contradictions.Storage.Detection;

/// <summary>One side of a flag as shown to a reader: where the claim appeared and who it is attributed to.</summary>
public sealed record FlagSide(long ClaimId, string Article, string? Outlet, IReadOnlyList<string> Chain, string Text, DateOnly? Published);

/// <summary>A flagged contradiction with both sides and the explanation lines.</summary>
public sealed record FlagView(long Id, float Confidence, FlagKind Kind, FlagSide A, FlagSide B, IReadOnlyList<string> Explanation);

/// <summary>Claims restating one another, and how many independent origins (copies collapsed) stand behind them.</summary>
public sealed record Corroboration(IReadOnlyList<string> Claims, int IndependentOrigins);

/// <summary>Wall-clock time of one stage of a scan and the process's CPU time during it (null for a part of a stage).</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan? Cpu)
{
    /// <summary>Bytes allocated by all threads during the stage (null for a part of a stage): the garbage collector's work.</summary>
    public long? Allocated { get; init; }
}

/// <summary>What a scan did and found. <see cref="Flags"/> holds the stored flags at or above <see cref="ScanOptions.MinReportedConfidence"/>.</summary>
public sealed record ScanResult(
    IngestSummary Ingest,
    int Articles,
    int Claims,
    int PairsScored,
    IReadOnlyList<FlagView> Flags,
    IReadOnlyList<Corroboration> Corroborations)
{
    /// <summary>Where the time went, stage by stage, in order (for <c>scan --timings</c> and the benchmarks).</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    /// <summary>The candidate pairs this scan scored (lower claim id first), in scoring order.</summary>
    public IReadOnlyList<(long A, long B)> ScoredPairs { get; init; } = [];
}

/// <summary>Scan settings.</summary>
public sealed class ScanOptions
{
    /// <summary>Candidates retrieved per claim from the inverted index.</summary>
    /// <value>Defaults to 10.</value>
    public int CandidatesPerClaim { get; init; } = 10;

    /// <summary>Scored pairs at or above this confidence are stored as flags, with their cues (output filters further).</summary>
    /// <value>Defaults to 0.1.</value>
    public float FlagFloor { get; init; } = 0.1f;

    /// <summary>Stored flags below this confidence are left out of <see cref="ScanResult.Flags"/> (they stay stored).</summary>
    /// <value>Defaults to 0: every stored flag.</value>
    public double MinReportedConfidence { get; init; }

    /// <summary>Word-overlap (Jaccard of content words) above which two same-polarity claims restate each other.</summary>
    /// <value>Defaults to 0.6.</value>
    public float RestatementOverlap { get; init; } = 0.6f;

    /// <summary>
    /// Scored pairs per transaction (their flags and restatements are written; that the pairs were scored is
    /// recorded once, in the last batch's transaction): a killed scan scores its pairs again on the next run. A commit
    /// writes every index page its flags touched, and flags land all over the review queue's indexes, so fewer
    /// commits mean fewer page writes: the flags of the FNC-1 bodies' 173,057 pairs took about 26,000 write calls in
    /// 11 commits of 16,384, 15,000 in 3.
    /// </summary>
    /// <value>Defaults to 65,536.</value>
    public int BatchSize { get; init; } = 65_536;

    /// <summary>Threads extracting claims and scoring pairs.</summary>
    /// <value>Defaults to the processor count.</value>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles written per transaction during ingest.</summary>
    /// <value>Defaults to 128.</value>
    public int IngestBatchSize { get; init; } = 128;

    /// <summary>How articles are read.</summary>
    public ArticleReaderOptions Reader { get; init; } = new();
}
