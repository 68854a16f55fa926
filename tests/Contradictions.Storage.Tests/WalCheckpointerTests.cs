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
        // Disposing copied the rest: the file alone holds every page of the database (read through a new connection,
        // which sees the log too, before anything else checkpoints).
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        other.Open();
        long Pragma(string name)
        {
            using var cmd = other.CreateCommand();
            cmd.CommandText = "PRAGMA " + name;
            return (long)cmd.ExecuteScalar()!;
        }
        Assert.Equal(Pragma("page_count") * Pragma("page_size"), new FileInfo(path).Length);
        using var count = other.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM articles";
        Assert.Equal(5L, (long)count.ExecuteScalar()!);
    }
}
