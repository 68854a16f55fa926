using System.Diagnostics;
using Contradictions.Core.Detection;

namespace Contradictions.Storage.Detection;

/// <summary>
/// Scores candidate pairs on all cores, a part at a time, and writes each scored part (flags and restatements) on
/// the calling thread while the next part is being scored, in one transaction per <see cref="ScanOptions.BatchSize"/>
/// pairs. Results are written in candidate order, so row ids do not depend on thread timing; the scorer is
/// thread-safe (<see cref="IContradictionScorer"/>).
/// </summary>
internal sealed class PairScoring(ClaimStore store, IContradictionScorer scorer, ScanOptions options)
{
    private sealed record Chunk((long A, long B, float Overlap, ClaimStore.FlagRow? Flag)[] Scores, bool[] Restates);

    /// <summary>Time the calling thread spent writing (the rest of the stage is scoring, or waiting for it).</summary>
    public TimeSpan WriteTime { get; private set; }

    /// <summary>
    /// Scores <paramref name="pairs"/> and stores their flags and restatements; <paramref name="scored"/> (the same
    /// pairs' ids, lower first) are recorded as scored in the transaction of the last flags.
    /// </summary>
    public void Run(IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs, IReadOnlyList<(long A, long B)> scored,
        IProgress<string>? progress, CancellationToken cancel)
    {
        if (pairs.Count == 0) return;
        int batch = Math.Max(1, options.BatchSize);
        // A batch is scored in parts, each written into the batch's transaction while the next is scored: the writer
        // lags one part behind the scorers, not one batch, so that when scoring ends one part's flags are left to
        // write. The parts divide the batch, so commits fall where whole batches would put them.
        int part = batch / (int)Math.Ceiling(batch / (double)PartSize);
        // Sorting and grouping the scored pairs needs no store: done beside the scoring, written at the end.
        var grouping = Task.Run(() => ClaimStore.ScoredPairGroups.Of(scored), cancel);
        Task<Chunk>? scoring = Start(pairs, 0, part, cancel);
        ClaimStore.FlagWriter? writer = null;
        long reported = Stopwatch.GetTimestamp();
        try
        {
            int inBatch = 0;
            for (int start = 0; start < pairs.Count; start += part)
            {
                var chunk = scoring!.GetAwaiter().GetResult();
                scoring = start + part < pairs.Count ? Start(pairs, start + part, part, cancel) : null;
                long began = Stopwatch.GetTimestamp();
                var restated = new List<(long A, long B, float Overlap)>();
                for (int i = 0; i < chunk.Scores.Length; i++)
                {
                    if (chunk.Restates[i]) restated.Add((chunk.Scores[i].A, chunk.Scores[i].B, chunk.Scores[i].Overlap));
                }
                // Restatements (same polarity, overlapping words: corroborations, never flags) go in the batch's
                // transaction: reliability and the report read them, and a killed scan loses both or neither.
                var flags = new List<ClaimStore.FlagRow>();
                foreach (var score in chunk.Scores) if (score.Flag is { } flag) flags.Add(flag);
                writer ??= store.BeginFlags();
                writer.Add(flags, restated);
                inBatch += chunk.Scores.Length;
                if (scoring is null) writer.RecordScored(grouping.GetAwaiter().GetResult());
                if (inBatch >= batch || scoring is null)
                {
                    writer.Commit();
                    writer.Dispose();
                    writer = null;
                    inBatch = 0;
                }
                WriteTime += Stopwatch.GetElapsedTime(began);
                // A line a second at most: a terminal user sees it move, a log is not flooded.
                if (progress is not null && scoring is not null && Stopwatch.GetElapsedTime(reported) >= TimeSpan.FromSeconds(1))
                {
                    progress.Report($"scored {start + chunk.Scores.Length:N0} of {pairs.Count:N0} new candidate pairs");
                    reported = Stopwatch.GetTimestamp();
                }
            }
        }
        finally
        {
            // A failed write or a cancellation rolls the open batch back; never leave scoring running behind it: the
            // caller may dispose the scorer.
            writer?.Dispose();
            try { scoring?.Wait(CancellationToken.None); } catch (AggregateException) { }
            try { grouping.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
    }

    /// <summary>Pairs scored between two writes (at most: a batch is cut into equal parts).</summary>
    internal const int PartSize = 8_192;

    private Task<Chunk> Start(IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs, int start, int size, CancellationToken cancel) =>
        Task.Run(() => Score(pairs, start, Math.Min(size, pairs.Count - start), cancel), cancel);

    private Chunk Score(IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs, int start, int count, CancellationToken cancel)
    {
        var scores = new (long, long, float, ClaimStore.FlagRow?)[count];
        var restates = new bool[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancel };
        Parallel.For(0, count, parallel, i =>
        {
            var (a, b) = pairs[start + i];
            // Cues from the flag floor on: every stored flag has them, and no pair below it pays for them.
            var score = scorer.Score(a, b, options.FlagFloor);
            restates[i] = CorroborationGroups.IsRestatement(score.Overlap, a.Claim.Polarity, b.Claim.Polarity, options.RestatementOverlap);
            bool flag = score.Confidence >= options.FlagFloor && !restates[i];
            scores[i] = (a.ClaimId, b.ClaimId, score.Overlap, flag ? ClaimStore.FlagRow.Of(a.ClaimId, b.ClaimId, score) : null);
        });
        return new Chunk(scores, restates);
    }
}
