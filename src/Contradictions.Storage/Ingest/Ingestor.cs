using System.Diagnostics;
using Contradictions.Core.Claims;

namespace Contradictions.Storage.Ingest;

/// <summary>Totals of one ingest run; <see cref="StoreTime"/> is the time spent writing to SQLite (the rest is reading and extraction).</summary>
public sealed record IngestSummary(int Added, int AlreadyStored, int Failed, int Claims, IReadOnlyList<IngestError> Errors, IReadOnlyList<IngestError> Warnings)
{
    public TimeSpan StoreTime { get; init; }

    /// <summary>The claims this run stored, with their row ids, in the order stored, if <see cref="IngestOptions.KeepClaims"/> asked for them.</summary>
    public IReadOnlyList<StoredClaim> AddedClaims { get; init; } = [];
}

/// <summary>How ingest spreads its work.</summary>
public sealed record IngestOptions
{
    /// <summary>Threads extracting claims (reading stays in order on one thread).</summary>
    /// <value>Defaults to the processor count.</value>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles written per transaction: a killed run loses at most this many, which the next run stores again.</summary>
    /// <value>Defaults to 128.</value>
    public int BatchSize { get; init; } = 128;

    /// <summary>Hand the stored claims back in <see cref="IngestSummary.AddedClaims"/> (a scan detects over them without reading them back).</summary>
    /// <value>Defaults to false: a plain ingest keeps nothing it stored in memory.</value>
    public bool KeepClaims { get; init; }

    /// <summary>
    /// Called on the writing thread after each batch commits, with the claims it added (row ids known), in the order
    /// stored: a scan starts the per-claim work of detection there while the next batch is written. Must return quickly.
    /// </summary>
    /// <value>Defaults to null: nothing is called.</value>
    public Action<IReadOnlyList<StoredClaim>>? Stored { get; init; }
}

/// <summary>
/// Reads paths and extracts claims on all cores (reading units and results kept in input order, so row ids do not
/// depend on thread timing) and stores them in batches, one transaction per batch. A failing file, record or article is reported
/// and skipped; everything else is stored.
/// </summary>
public static class Ingestor
{
    private sealed record Extracted(ReadResult Read, ArticleClaims? Claims, string? Error);

    public static IngestSummary Run(ClaimStore store, IEnumerable<string> paths, ArticleReaderOptions? options = null,
        Action<ReadResult>? progress = null, IngestOptions? ingest = null, CancellationToken cancel = default)
    {
        ingest ??= new IngestOptions();
        if (ingest.Parallelism < 1 || ingest.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(ingest), "Parallelism and batch size must be ≥ 1.");
        int added = 0, already = 0, failed = 0, claims = 0;
        var errors = new List<IngestError>();
        var warnings = new List<IngestError>();
        var batch = new List<ArticleClaims>(ingest.BatchSize);
        var addedClaims = new List<StoredClaim>();
        long storeTicks = 0;

        void Flush()
        {
            if (batch.Count == 0) return;
            long start = Stopwatch.GetTimestamp();
            var results = store.StoreBatch(batch);
            storeTicks += Stopwatch.GetTimestamp() - start;
            var stored = ingest.Stored is null ? null : new List<StoredClaim>();
            for (int i = 0; i < results.Count; i++)
            {
                if (results[i].Stored is not { } result)
                {
                    failed++;
                    errors.Add(new IngestError(Name(batch[i].Article), null, "could not store: " + results[i].Error));
                }
                else if (result.Outcome == StoreOutcome.Added)
                {
                    added++;
                    claims += batch[i].Claims.Count;
                    for (int j = 0; (ingest.KeepClaims || stored is not null) && j < batch[i].Claims.Count; j++)
                    {
                        var claim = new StoredClaim(result.ClaimIds[j], result.ArticleRowId, batch[i].Claims[j]);
                        if (ingest.KeepClaims) addedClaims.Add(claim);
                        stored?.Add(claim);
                    }
                }
                else
                {
                    already++;
                }
            }
            batch.Clear();
            if (stored is { Count: > 0 }) ingest.Stored!(stored);
        }

        var extracted = ArticleReader.Units(paths, options)
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(ingest.Parallelism)
            .WithCancellation(cancel)
            .Select(unit => Extract(unit()));
        foreach (var item in extracted)
        {
            progress?.Invoke(item.Read);
            warnings.AddRange(item.Read.Warnings);
            if (item.Read.Article is not { } article)
            {
                failed++;
                errors.Add(item.Read.Error!);
                continue;
            }
            if (item.Claims is null)
            {
                failed++;
                errors.Add(new IngestError(Name(article), null, "could not extract claims: " + item.Error));
                continue;
            }
            batch.Add(item.Claims);
            if (batch.Count >= ingest.BatchSize) Flush();
        }
        Flush();
        return new IngestSummary(added, already, failed, claims, errors, warnings) { StoreTime = Stopwatch.GetElapsedTime(0, storeTicks), AddedClaims = addedClaims };
    }

    private static Extracted Extract(ReadResult read)
    {
        if (read.Article is not { } article) return new Extracted(read, null, null);
        try
        {
            return new Extracted(read, ArticleClaims.WithPayloads(article, ClaimExtractor.Extract(article)), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Extracted(read, null, e.Message);
        }
    }

    private static string Name(Core.Articles.Article article) => article.SourceName ?? article.Id;
}
