using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Contradictions.Core.Detection;

namespace Contradictions.Storage.Detection;

/// <summary>
/// Scores candidate pairs on <see cref="ScanOptions.Parallelism"/> threads and writes them (flags and restatements)
/// on the calling thread, one transaction per <see cref="ScanOptions.BatchSize"/> pairs. The pairs are cut into
/// small parts (<see cref="Parts"/>); each scoring thread takes the next part and scores it alone, and the writer
/// writes a batch as soon as all its parts are scored, while the threads go on with the next. No part waits for
/// another to finish (a few large parts, each ended by a barrier, left the threads waiting for the slowest), and the
/// write lock is held only while a batch is written. Results are written in candidate order, so row ids do not
/// depend on thread timing; the scorer is thread-safe (<see cref="IContradictionScorer"/>).
/// </summary>
/// <param name="articleOf">Each claim's article (row id), when known, so the writer need not look them up.</param>
internal sealed class PairScoring(ClaimStore store, IContradictionScorer scorer, ScanOptions options, IReadOnlyDictionary<long, long>? articleOf = null)
{
    /// <summary>Pairs a scoring thread takes at a time: a few milliseconds of scoring.</summary>
    internal const int PartSize = 2_048;

    /// <summary>Parts scored ahead of the writer at most (or twice the threads, if more): bounds the results held in memory.</summary>
    internal const int MaxAhead = 64;

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
        // Sorting and grouping the scored pairs needs no store: done beside the scoring, written with the last batch.
        var grouping = Task.Run(() => ClaimStore.ScoredPairGroups.Of(scored), cancel);
        using var pipeline = new Pipeline(this, pairs, parts, options.Parallelism, cancel);
        // A batch's scored parts wait here until the batch is complete, and are then written in one transaction: the
        // write lock is held only while a batch is written, never while it is scored, so another writer (a reviewer's
        // verdict) gets in between batches.
        var batch = new List<Chunk>();
        long reported = Stopwatch.GetTimestamp();
        try
        {
            for (int p = 0; p < parts.Count; p++)
            {
                batch.Add(pipeline.Take(p));
                if (parts[p].EndsBatch)
                {
                    long began = Stopwatch.GetTimestamp();
                    Write(batch, p == parts.Count - 1 ? grouping : null);
                    batch.Clear();
                    WriteTime += Stopwatch.GetElapsedTime(began);
                }
                // A line a second at most: a terminal user sees it move, a log is not flooded.
                if (progress is not null && p + 1 < parts.Count && Stopwatch.GetElapsedTime(reported) >= TimeSpan.FromSeconds(1))
                {
                    progress.Report($"scored {parts[p].Start + parts[p].Count:N0} of {pairs.Count:N0} new candidate pairs");
                    reported = Stopwatch.GetTimestamp();
                }
            }
        }
        finally
        {
            // Never leave scoring running behind a failure: the caller may dispose the scorer (disposing the pipeline
            // stops and waits for its threads).
            try { grouping.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
    }

    /// <summary>
    /// One transaction: the batch's flags and restatements (corroborations, never flags: reliability and the report
    /// read them, and a killed scan loses both or neither), and with the last batch the pairs scored.
    /// </summary>
    private void Write(List<Chunk> batch, Task<ClaimStore.ScoredPairGroups>? scoredPairs)
    {
        var restated = new List<(long A, long B, float Overlap)>();
        var flags = new List<ClaimStore.FlagRow>();
        foreach (var chunk in batch)
        {
            for (int i = 0; i < chunk.Scores.Length; i++)
            {
                if (chunk.Restates[i]) restated.Add((chunk.Scores[i].A, chunk.Scores[i].B, chunk.Scores[i].Overlap));
                if (chunk.Scores[i].Flag is { } flag) flags.Add(flag);
            }
        }
        using var writer = store.BeginFlags();
        writer.Add(flags, restated);
        if (scoredPairs is not null) writer.RecordScored(scoredPairs.GetAwaiter().GetResult());
        writer.Commit();
    }

    /// <summary>
    /// The parts, in order: at most <see cref="PartSize"/> pairs each, cut where a batch (a transaction) ends; the
    /// last batch is cut into two, its last <see cref="LastBatch"/> pairs a transaction of their own.
    /// </summary>
    internal static List<(int Start, int Count, bool EndsBatch)> Parts(int pairs, int batch)
    {
        // The last batch, longer than twice LastBatch, ends a transaction LastBatch pairs before its end too: the last
        // transaction is written after every pair is scored, with nothing beside it, so it is kept small.
        int lastBatchStart = (pairs - 1) / batch * batch;
        int lastCut = pairs - lastBatchStart >= 2 * LastBatch ? pairs - LastBatch : -1;
        var parts = new List<(int, int, bool)>();
        for (int start = 0; start < pairs;)
        {
            int batchEnd = (int)Math.Min(pairs, (long)(start / batch) * batch + batch);
            if (start < lastCut) batchEnd = Math.Min(batchEnd, lastCut);
            int count = Math.Min(PartSize, batchEnd - start);
            parts.Add((start, count, start + count == batchEnd));
            start += count;
        }
        return parts;
    }

    /// <summary>Pairs in the last transaction, when the last batch is long enough to cut.</summary>
    internal const int LastBatch = 8_192;

    private Chunk Score(IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs, int start, int count, CancellationToken cancel)
    {
        var scores = new (long, long, float, ClaimStore.FlagRow?)[count];
        var restates = new bool[count];
        var part = pairs is List<(ClaimContext, ClaimContext)> list
            ? CollectionsMarshal.AsSpan(list).Slice(start, count)
            : pairs.Skip(start).Take(count).ToArray();
        var scored = new ScoredPair[count];
        for (int from = 0; from < count; from += ScoredAtOnce)
        {
            cancel.ThrowIfCancellationRequested();
            int n = Math.Min(ScoredAtOnce, count - from);
            // Cues from the flag floor on: every stored flag has them, and no pair below it pays for them.
            scorer.Score(part.Slice(from, n), options.FlagFloor, scored.AsSpan(from, n));
        }
        for (int i = 0; i < count; i++)
        {
            var (a, b) = part[i];
            var score = scored[i];
            restates[i] = CorroborationGroups.IsRestatement(score.Overlap, a.Claim.Polarity, b.Claim.Polarity, options.RestatementOverlap);
            bool flag = score.Confidence >= options.FlagFloor && !restates[i];
            scores[i] = (a.ClaimId, b.ClaimId, score.Overlap,
                flag ? ClaimStore.FlagRow.Of(a.ClaimId, b.ClaimId, score, ArticleOf(a.ClaimId), ArticleOf(b.ClaimId)) : null);
        }
        return new Chunk(scores, restates);
    }

    // Pairs handed to the scorer at once (it may score several together), between checks for cancellation.
    private const int ScoredAtOnce = 256;

    private long? ArticleOf(long claim) => articleOf is not null && articleOf.TryGetValue(claim, out long article) ? article : null;

    /// <summary>
    /// The scoring threads: each takes the next part not yet taken, at most <see cref="MaxAhead"/> parts (or twice the
    /// threads) past the one the writer last took. The first failure stops them all and is what <see cref="Take"/> throws.
    /// </summary>
    private sealed class Pipeline : IDisposable
    {
        private readonly PairScoring owner;
        private readonly IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs;
        private readonly List<(int Start, int Count, bool EndsBatch)> parts;
        private readonly TaskCompletionSource<Chunk>[] done;
        private readonly CancellationToken cancel;
        private readonly CancellationTokenSource stop;
        private readonly SemaphoreSlim window;
        private readonly Task[] threads;
        private ExceptionDispatchInfo? failure;
        private int next = -1;

        public Pipeline(PairScoring owner, IReadOnlyList<(ClaimContext A, ClaimContext B)> pairs, List<(int Start, int Count, bool EndsBatch)> parts, int parallelism, CancellationToken cancel)
        {
            this.owner = owner;
            this.pairs = pairs;
            this.parts = parts;
            this.cancel = cancel;
            stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            done = new TaskCompletionSource<Chunk>[parts.Count];
            for (int p = 0; p < done.Length; p++) done[p] = new TaskCompletionSource<Chunk>(TaskCreationOptions.RunContinuationsAsynchronously);
            int count = Math.Clamp(parallelism, 1, parts.Count);
            window = new SemaphoreSlim(Math.Max(MaxAhead, 2 * count));
            // Threads of their own: the pool's may all be busy (the grouping beside, other work of the caller).
            threads = new Task[count];
            for (int t = 0; t < count; t++) threads[t] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>Part <paramref name="p"/>'s results, once scored (parts are taken in order).</summary>
        public Chunk Take(int p)
        {
            try
            {
                done[p].Task.Wait(stop.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested && failure is not null)
            {
                failure.Throw();
            }
            window.Release();
            var chunk = done[p].Task.GetAwaiter().GetResult();
            // Taken once, in order, and no thread sets it again: dropped here, a part's flags and scores live until
            // their batch is written, not until the last is (the collections during scoring copied every one).
            done[p] = null!;
            return chunk;
        }

        private void Work()
        {
            try
            {
                while (true)
                {
                    window.Wait(stop.Token);
                    int p = Interlocked.Increment(ref next);
                    if (p >= parts.Count) return;
                    var (start, count, _) = parts[p];
                    done[p].SetResult(owner.Score(pairs, start, count, stop.Token));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped: by the caller's token, a failure on another thread, or the writer's end.
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                stop.Cancel();
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            try { Task.WaitAll(threads); } catch (AggregateException) { }
            stop.Dispose();
            window.Dispose();
        }
    }
}
