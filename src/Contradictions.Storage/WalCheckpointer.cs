using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>
/// Copies the write-ahead log into the database file from a second connection on a thread of its own, while one
/// long job writes (<see cref="ClaimStore.CheckpointInBackground"/>). Left to the writing connection, the checkpoint
/// runs inside the commit that takes the log past its autocheckpoint size: in a scan of the FNC-1 bodies that was
/// one commit of flags copying the whole 39 MB store and waiting for two fsyncs, about a third of a second on the
/// only thread that writes, while the cores that score pairs waited for it. A passive checkpoint never blocks the
/// writer or readers, and the writer restarts the log from its beginning once everything in it is copied, so the
/// log stays small. Dispose copies what is left (all of it unless a reader, such as a review server, still reads an
/// older snapshot: that part waits for a later checkpoint) and gives the writer its autocheckpoint back.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Action restore;
    private readonly Thread thread;
    private readonly ManualResetEventSlim stop = new();
    private readonly TimeSpan interval;
    private long busyTicks;
    private int disposed;
    private bool finishing;

    public WalCheckpointer(string path, TimeSpan interval, Action restore)
    {
        this.interval = interval;
        this.restore = restore;
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        thread = new Thread(Run) { IsBackground = true, Name = "WAL checkpoint" };
        thread.Start();
    }

    /// <summary>Time the background thread spent checkpointing (copying and syncing), for the stage timings.</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref busyTicks));

    private void Run()
    {
        while (!stop.Wait(interval)) Checkpoint();
        // Asked to finish (the job's writes are done): the last copy is made here, beside whatever the job still
        // reads, instead of after it.
        if (Volatile.Read(ref finishing)) Checkpoint();
    }

    /// <summary>
    /// The job has written everything: checkpoint once more, on this thread, and stop. <see cref="Dispose"/> then
    /// waits for that instead of copying on the caller's thread (and copies anything written since, if any).
    /// </summary>
    public void Finish()
    {
        if (Volatile.Read(ref disposed) != 0) return;
        Volatile.Write(ref finishing, true);
        stop.Set();
    }

    /// <summary>A passive checkpoint: copies what no reader still needs; nothing to copy costs a few lock checks.</summary>
    private void Checkpoint()
    {
        long began = Stopwatch.GetTimestamp();
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A checkpoint that cannot run now leaves the log as it is; the next one, or the writer's own
            // autocheckpoint once restored, copies it. Nothing is lost either way.
        }
        Interlocked.Add(ref busyTicks, Stopwatch.GetTimestamp() - began);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        stop.Set();
        thread.Join();
        // After Finish this finds nothing left to copy (a few lock checks) unless something was written since.
        Checkpoint();
        connection.Dispose();
        stop.Dispose();
        restore();
    }
}
