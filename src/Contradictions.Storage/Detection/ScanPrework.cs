using System.Collections.Concurrent;
using Contradictions.Core.Detection;

namespace Contradictions.Storage.Detection;

/// <summary>
/// The per-claim work of detection that needs one stored claim alone — its copy sketch, its subject terms and the
/// scorer's preparation — done for each batch ingest commits while ingest writes the next: ingest waits on its one
/// writing thread and leaves a core idle, which this fills. One thread works through the batches during ingest
/// (more would slow the writer down); whatever is left when ingest ends is shared by all cores. Each result is a
/// function of its claim alone, so a scan finds the same origins, candidates and scores with or without it.
/// </summary>
internal sealed class ScanPrework(IContradictionScorer scorer, OriginClusterer clusterer, int parallelism)
{
    private sealed class Batch(IReadOnlyList<StoredClaim> claims)
    {
        public IReadOnlyList<StoredClaim> Claims { get; } = claims;
        public OriginSketch[] Sketches { get; } = new OriginSketch[claims.Count];
        public ClaimTerms[] Terms { get; } = new ClaimTerms[claims.Count];
    }

    private readonly List<Batch> batches = [];
    private readonly ConcurrentQueue<Batch> pending = new();
    private Task worker = Task.CompletedTask;

    /// <summary>Queues a batch of stored claims (<see cref="Ingest.IngestOptions.Stored"/>; called from one thread).</summary>
    public void Add(IReadOnlyList<StoredClaim> claims)
    {
        var batch = new Batch(claims);
        batches.Add(batch);
        pending.Enqueue(batch);
        // A worker that found the queue empty just before this batch came leaves it to Results.
        if (worker.IsCompleted) worker = Task.Run(Drain);
    }

    private void Drain()
    {
        var builder = new SubjectBuilder();
        while (pending.TryDequeue(out var batch))
        {
            for (int i = 0; i < batch.Claims.Count; i++)
            {
                var c = batch.Claims[i];
                batch.Sketches[i] = clusterer.Sketch(c.Claim.Text);
                batch.Terms[i] = builder.Terms(c.Claim);
                scorer.Prepare(c.ClaimId, c.Claim);
            }
        }
    }

    /// <summary>Finishes the batches left (on all cores) and waits for the one in progress; the sketches and subject terms by claim id.</summary>
    public (Dictionary<long, OriginSketch> Sketches, Dictionary<long, ClaimTerms> Terms) Results()
    {
        Parallel.For(0, Math.Max(1, parallelism), _ => Drain());
        worker.GetAwaiter().GetResult();
        var sketches = new Dictionary<long, OriginSketch>();
        var terms = new Dictionary<long, ClaimTerms>();
        foreach (var batch in batches)
        {
            for (int i = 0; i < batch.Claims.Count; i++)
            {
                sketches[batch.Claims[i].ClaimId] = batch.Sketches[i];
                terms[batch.Claims[i].ClaimId] = batch.Terms[i];
            }
        }
        return (sketches, terms);
    }

    /// <summary>Waits for work still running, ignoring its failure (a scan that failed reports its own error).</summary>
    public void WaitQuietly()
    {
        pending.Clear();
        try { worker.Wait(); } catch (AggregateException) { }
    }
}
