using System.Diagnostics;
using Contradictions.Core.Detection;

namespace Contradictions.Storage.Detection;

/// <summary>
/// Scores candidate pairs on all cores, a chunk at a time, and writes each scored chunk (scores and flags) in one
/// transaction on the calling thread while the next chunk is being scored. Results are written in candidate
/// order, so row ids do not depend on thread timing; the scorer is thread-safe (<see cref="IContradictionScorer"/>).
/// </summary>
internal sealed class PairScoring(ClaimStore store, IContradictionScorer scorer, ScanOptions options)
{
    private sealed record Chunk((long A, long B, float Overlap, ClaimStore.FlagRow? Flag)[] Scores, bool[] Restates);

    /// <summary>Time the calling thread spent writing (the rest of the stage is scoring, or waiting for it).</summary>
    public TimeSpan WriteTime { get; private set; }

    public void Run(IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs, IProgress<string>? progress, CancellationToken cancel)
    {
        if (pairs.Count == 0) return;
        int size = Math.Max(1, options.BatchSize);
        Task<Chunk>? scoring = Start(pairs, 0, size, cancel);
        long reported = Stopwatch.GetTimestamp();
        try
        {
            for (int start = 0; start < pairs.Count; start += size)
            {
                var chunk = scoring!.GetAwaiter().GetResult();
                scoring = start + size < pairs.Count ? Start(pairs, start + size, size, cancel) : null;
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
                store.SaveFlags(flags, restated);
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
            // Never leave scoring running behind a failed write or a cancellation: the caller may dispose the scorer.
            try { scoring?.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
    }

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
