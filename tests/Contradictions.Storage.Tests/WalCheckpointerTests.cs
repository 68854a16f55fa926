using Contradictions.Storage.Ingest;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests;

public class WalCheckpointerTests
{
    [Fact]
    public void Background_checkpoints_copy_the_log_into_the_file_and_the_writer_gets_its_autocheckpoint_back()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        long autocheckpoint = store.WalAutoCheckpoint;
        long before = new FileInfo(path).Length;

        using (var checkpoints = store.CheckpointInBackground(TimeSpan.FromMilliseconds(20)))
        {
            Assert.Equal(0, store.WalAutoCheckpoint);
            Ingestor.Run(store, [RepoRoot.File("data", "articles")]);
            // Far below the writer's own autocheckpoint size: only the background thread copies pages into the file.
            Assert.True(SpinWait.SpinUntil(() => new FileInfo(path).Length > before, TimeSpan.FromSeconds(10)), "nothing reached the file");
        }

        Assert.Equal(autocheckpoint, store.WalAutoCheckpoint);
        Assert.True(autocheckpoint > 0);
        // Disposing copied the rest: the database file alone, without its log, holds every article and claim.
        var alone = dir.File("alone.db");
        File.Copy(path, alone);
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = alone, Pooling = false }.ToString());
        copy.Open();
        long Count(string table)
        {
            using var cmd = copy.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM " + table;
            return (long)cmd.ExecuteScalar()!;
        }
        Assert.Equal(5L, Count("articles"));
        Assert.Equal(store.AllClaims().Count, Count("claims"));
    }

    [Fact]
    public void Finish_copies_the_log_on_the_background_thread_before_dispose()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        // An interval no test waits for: only Finish makes the background thread copy.
        using var checkpoints = store.CheckpointInBackground(TimeSpan.FromHours(1));
        Ingestor.Run(store, [RepoRoot.File("data", "articles")]);
        int claims = store.AllClaims().Count;

        checkpoints.Finish();

        // The database file alone (a copy without its log) holds every claim, while the store is still open and
        // the checkpointer not yet disposed.
        Assert.True(SpinWait.SpinUntil(() => ClaimsInFileAlone(dir, path) == claims, TimeSpan.FromSeconds(10)), "the log was not copied");
        // Counted once the checkpoint returns, which may be just after the file is complete.
        Assert.True(SpinWait.SpinUntil(() => checkpoints.Busy > TimeSpan.Zero, TimeSpan.FromSeconds(10)));
    }

    private static long ClaimsInFileAlone(TempDir dir, string path)
    {
        var alone = dir.File(Guid.NewGuid().ToString("N") + ".db");
        File.Copy(path, alone);
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = alone, Pooling = false }.ToString());
        copy.Open();
        using var cmd = copy.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM claims";
        try
        {
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1; // the schema itself is still only in the log
        }
    }
}
