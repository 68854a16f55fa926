using System.Diagnostics;
using Contradictions.Core.Detection;

namespace Contradictions.Storage.Detection;

/// <summary>
/// Scores candidate pairs on all cores a part at a time (<see cref="Parts"/>) and writes each scored part (flags and
/// restatements) on the calling thread while the next part is being scored, one transaction per
/// <see cref="ScanOptions.BatchSize"/> pairs. Results are written in candidate order, so row ids do not depend on
/// thread timing; the scorer is thread-safe (<see cref="IContradictionScorer"/>).
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
        var parts = Parts(pairs.Count, Math.Max(1, options.BatchSize));
        // Sorting and grouping the scored pairs needs no store: done beside the scoring, written at the end.
        var grouping = Task.Run(() => ClaimStore.ScoredPairGroups.Of(scored), cancel);
        Task<Chunk>? scoring = Start(pairs, parts[0].Start, parts[0].Count, cancel);
        ClaimStore.FlagWriter? writer = null;
        long reported = Stopwatch.GetTimestamp();
        try
        {
            for (int p = 0; p < parts.Count; p++)
            {
                var chunk = scoring!.GetAwaiter().GetResult();
                scoring = p + 1 < parts.Count ? Start(pairs, parts[p + 1].Start, parts[p + 1].Count, cancel) : null;
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
                if (scoring is null) writer.RecordScored(grouping.GetAwaiter().GetResult());
                if (parts[p].EndsBatch)
                {
                    writer.Commit();
                    writer.Dispose();
                    writer = null;
                }
                WriteTime += Stopwatch.GetElapsedTime(began);
                // A line a second at most: a terminal user sees it move, a log is not flooded.
                if (progress is not null && scoring is not null && Stopwatch.GetElapsedTime(reported) >= TimeSpan.FromSeconds(1))
                {
                    progress.Report($"scored {parts[p].Start + chunk.Scores.Length:N0} of {pairs.Count:N0} new candidate pairs");
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

    /// <summary>
    /// The scored parts: one per batch (a transaction), but the last batch is cut before its last
    /// <see cref="LastPart"/> pairs, so that the writer stores most of its flags while those are scored and little is
    /// left to write when scoring ends. More, smaller parts cost more than they save: each waits for its slowest
    /// thread before the next starts.
    /// </summary>
    internal static List<(int Start, int Count, bool EndsBatch)> Parts(int pairs, int batch)
    {
        var parts = new List<(int, int, bool)>();
        for (int start = 0; start < pairs; start += batch)
        {
            int count = Math.Min(batch, pairs - start);
            if (start + count == pairs && count >= 2 * LastPart)
            {
                parts.Add((start, count - LastPart, false));
                parts.Add((start + count - LastPart, LastPart, true));
            }
            else
            {
                parts.Add((start, count, true));
            }
        }
        return parts;
    }

    /// <summary>Pairs scored after the writer has taken the rest of the last batch.</summary>
    internal const int LastPart = 8_192;

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
