using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Contradictions.Core.Detection;
using Contradictions.Core.Text;

namespace Contradictions.Storage.Detection;

/// <summary>
/// The per-claim work of detection that needs one stored claim alone — its copy sketch, its subject terms and the
/// scorer's preparation — done for each batch ingest commits while ingest writes the next: ingest waits on its one
/// writing thread and leaves a core idle part of the time, which this fills. It runs on one thread of the lowest
/// priority (on Linux), so it takes only time the writer and the extracting threads leave: at normal priority it
/// slowed the writer, which is what ingest waits for. Whatever is left when ingest ends is shared by all cores, in
/// chunks of <see cref="ChunkSize"/> claims. Each result is a function of its claim alone, so a scan finds the same
/// origins, candidates and scores with or without it.
/// </summary>
/// <remarks>
/// A thread inherits the priority of the thread that starts it, so a runtime thread started from this one (the
/// JIT's tier-up worker, if it happens to be restarted by a call made here) would run at the lowest priority too:
/// the work here starts no thread itself, and the command's scan finds that worker already running.
/// </remarks>
internal sealed class ScanPrework(IContradictionScorer scorer, OriginClusterer clusterer, TermPool terms, int parallelism)
{
    private sealed class Chunk(IReadOnlyList<StoredClaim> claims)
    {
        public IReadOnlyList<StoredClaim> Claims { get; } = claims;
        public OriginSketch[] Sketches { get; } = new OriginSketch[claims.Count];
        public ClaimTerms[] Terms { get; } = new ClaimTerms[claims.Count];
    }

    /// <summary>Claims per unit of work: small enough that the work left when ingest ends spreads over all cores.</summary>
    public const int ChunkSize = 256;

    private readonly List<Chunk> chunks = [];
    private readonly ConcurrentQueue<Chunk> pending = new();
    private readonly SemaphoreSlim queued = new(0);
    private Thread? worker;
    private volatile bool ingestDone;
    private ExceptionDispatchInfo? failure;

    /// <summary>Queues a batch of stored claims (<see cref="Ingest.IngestOptions.Stored"/>; called from one thread).</summary>
    public void Add(IReadOnlyList<StoredClaim> claims)
    {
        for (int start = 0; start < claims.Count; start += ChunkSize)
        {
            var chunk = new Chunk(claims.Skip(start).Take(ChunkSize).ToArray());
            chunks.Add(chunk);
            pending.Enqueue(chunk);
        }
        if (worker is null)
        {
            worker = new Thread(Work) { IsBackground = true, Name = "scan prework" };
            worker.Start();
        }
        queued.Release();
    }

    private void Work()
    {
        LowestPriority();
        try
        {
            while (!ingestDone)
            {
                queued.Wait();
                Drain();
            }
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private void Drain()
    {
        var builder = new SubjectBuilder(terms: terms);
        while (pending.TryDequeue(out var chunk))
        {
            for (int i = 0; i < chunk.Claims.Count; i++)
            {
                var c = chunk.Claims[i];
                chunk.Sketches[i] = clusterer.Sketch(c.Claim.Text);
                chunk.Terms[i] = builder.Terms(c.Claim);
                scorer.Prepare(c.ClaimId, c.Claim);
            }
        }
    }

    /// <summary>Finishes the chunks left (on all cores) and waits for the one in progress; the sketches and subject terms by claim id.</summary>
    public (Dictionary<long, OriginSketch> Sketches, Dictionary<long, ClaimTerms> Terms) Results()
    {
        Stop();
        Parallel.For(0, Math.Max(1, parallelism), _ => Drain());
        worker?.Join();
        failure?.Throw();
        var sketches = new Dictionary<long, OriginSketch>();
        var terms = new Dictionary<long, ClaimTerms>();
        foreach (var chunk in chunks)
        {
            for (int i = 0; i < chunk.Claims.Count; i++)
            {
                sketches[chunk.Claims[i].ClaimId] = chunk.Sketches[i];
                terms[chunk.Claims[i].ClaimId] = chunk.Terms[i];
            }
        }
        // The caller owns them now and drops each once used: kept here too, they would live to the end of the scan.
        chunks.Clear();
        return (sketches, terms);
    }

    /// <summary>Stops the worker after its current chunk, dropping the rest (a scan that failed reports its own error).</summary>
    public void WaitQuietly()
    {
        pending.Clear();
        Stop();
        worker?.Join();
    }

    private void Stop()
    {
        ingestDone = true;
        queued.Release();
    }

    // nice 19 for this thread alone (on Linux a thread id names one thread); elsewhere, or without gettid (glibc
    // before 2.30), it keeps its priority and only competes more with the writer.
    private static void LowestPriority()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = SetPriority(0, GetThreadId(), 19);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
